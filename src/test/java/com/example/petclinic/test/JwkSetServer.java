package com.example.petclinic.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * Publishes a {@link TokenIssuer}'s JWK set over HTTP on loopback, as an issuer publishes
 * its {@code jwks_uri}; the service under test fetches its keys from here. It runs until
 * the test JVM ends.
 */
public final class JwkSetServer {

	private final HttpServer server;

	private JwkSetServer(HttpServer server) {
		this.server = server;
	}

	public static JwkSetServer start(TokenIssuer issuer) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			byte[] body = issuer.jwkSet().getBytes(StandardCharsets.UTF_8);
			server.createContext("/jwks", (exchange) -> {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return new JwkSetServer(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The {@code jwk-set-uri} of the issuer. */
	public String jwkSetUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/jwks";
	}

}
