package com.example.petclinic.test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a request exactly as written over a plain socket, for requests an HTTP client
 * would encode, refuse or rewrite (a malformed percent escape, a {@code Host} of the
 * client's choosing). Send {@code HTTP/1.0} or {@code Connection: close}: the answer is
 * read to the end of the connection.
 */
public record RawHttp(String head, String body) {

	public static RawHttp send(int port, String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			String whole = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int endOfHead = whole.indexOf("\r\n\r\n");
			if (endOfHead < 0) {
				throw new IOException("Not an HTTP response: " + whole);
			}
			return new RawHttp(whole.substring(0, endOfHead), whole.substring(endOfHead + 4));
		}
	}

	public String statusLine() {
		return this.head.lines().findFirst().orElse("");
	}

	public Optional<String> header(String name) {
		return this.head.lines()
			.skip(1)
			.filter((line) -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
			.map((line) -> line.substring(name.length() + 1).trim())
			.findFirst();
	}

	public JsonNode json() {
		return JsonMapper.shared().readTree(this.body);
	}

}
