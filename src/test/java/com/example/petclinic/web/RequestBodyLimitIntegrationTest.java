package com.example.petclinic.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import com.example.petclinic.test.PetClinicIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request body larger than {@code petclinic.http.max-request-body-size} (256 KB) is
 * refused with {@code 413} before it is read into memory, whether its size is announced
 * or it arrives in chunks, and the service goes on serving. The 50 MB bodies are streamed
 * over a plain socket while the answer is read, never held in memory by the test.
 */
@PetClinicIntegrationTest
class RequestBodyLimitIntegrationTest {

	private static final long FIFTY_MEGABYTES = 50L * 1024 * 1024;

	private static final String LIMIT_DETAIL = "The request body is larger than the limit of 262144 bytes";

	@LocalServerPort
	private int port;

	@Autowired
	private RestTestClient http;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void bodyAnnouncedLargerThanTheLimitIsRefusedWithContentTooLarge() throws Exception {
		String head = "POST /api/owners HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + (FIFTY_MEGABYTES + 10) + "\r\n\r\n{\"name\":\"";

		String response = sendStreaming(head, false);

		assertContentTooLargeProblem(response);
		assertServiceStillServes();
	}

	@Test
	void chunkedBodyLargerThanTheLimitIsRefusedWithContentTooLarge() throws Exception {
		String head = "POST /api/owners HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Transfer-Encoding: chunked\r\n\r\n9\r\n{\"name\":\"\r\n";

		String response = sendStreaming(head, true);

		assertContentTooLargeProblem(response);
		assertServiceStillServes();
	}

	@Test
	void formBodyLargerThanTheLimitIsRefusedWithContentTooLarge() throws Exception {
		String head = "PUT /api/owners/00000000-0000-0000-0000-000000000000 HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n2\r\na=\r\n";

		String response = sendStreaming(head, true);

		assertThat(response).startsWith("HTTP/1.1 413");
		assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
		assertServiceStillServes();
	}

	private void assertContentTooLargeProblem(String response) {
		assertThat(response).startsWith("HTTP/1.1 413");
		assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
		JsonNode problem = JsonMapper.shared()
			.readTree(response.substring(response.indexOf('{'), response.lastIndexOf('}') + 1));
		assertThat(problem.get("type").asString()).isEqualTo("about:blank");
		assertThat(problem.get("title").asString()).isEqualTo("Content Too Large");
		assertThat(problem.get("status").asInt()).isEqualTo(413);
		assertThat(problem.get("detail").asString()).isEqualTo(LIMIT_DETAIL);
		assertThat(problem.get("instance").asString()).isEqualTo("/api/owners");
		assertThat(this.jdbc.sql("select count(*) from owner").query(Long.class).single()).isZero();
	}

	private void assertServiceStillServes() {
		this.http.get().uri("/api/owners").exchange().expectStatus().isOk();
	}

	/**
	 * Sends the head, then 50 MB of {@code x} (in chunks when asked), while reading the
	 * answer up to the end of its JSON body. The server may close the connection before
	 * the whole body is sent, which ends the sending.
	 */
	private String sendStreaming(String head, boolean chunked) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
				byte[] block = new byte[64 * 1024];
				Arrays.fill(block, (byte) 'x');
				byte[] chunkHead = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
				try {
					out.write(head.getBytes(StandardCharsets.UTF_8));
					for (long sent = 0; sent < FIFTY_MEGABYTES; sent += block.length) {
						if (chunked) {
							out.write(chunkHead);
						}
						out.write(block);
						if (chunked) {
							out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
						}
					}
					out.flush();
				}
				catch (IOException ex) {
					// The server refused the rest of the body and closed the connection.
				}
			});
			String response = readUntilEndOfJson(socket.getInputStream());
			socket.close();
			sending.join();
			return response;
		}
	}

	private static String readUntilEndOfJson(InputStream in) throws IOException {
		StringBuilder response = new StringBuilder();
		byte[] buffer = new byte[8192];
		int n;
		while (response.indexOf("}") < 0 && (n = in.read(buffer)) > 0) {
			response.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
		}
		return response.toString();
	}

}
