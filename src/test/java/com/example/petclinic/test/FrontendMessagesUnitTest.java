package com.example.petclinic.test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round trip is what a client sends before it waits: counted once, however the bytes
 * are split, and however many messages go before the wait.
 */
class FrontendMessagesUnitTest {

	private final FrontendMessages messages = new FrontendMessages();

	@Test
	void aStatementAndItsSyncAreOneRoundTrip() {
		started();
		send(message('P', "select 1"), message('B', ""), message('E', ""), message('S', ""));
		assertThat(this.messages.roundTrips()).isOne();
	}

	@Test
	void aBeginSentInFrontOfTheFirstStatementIsNoRoundTripOfItsOwn() {
		started();
		send(message('Q', "BEGIN"), message('B', ""), message('E', ""), message('S', ""));
		send(message('B', ""), message('E', ""), message('S', ""));
		assertThat(this.messages.roundTrips()).isEqualTo(2);
	}

	@Test
	void aBeginArrivingOnItsOwnIsNoRoundTripEither() {
		started();
		send(message('Q', "BEGIN"));
		send(message('B', ""), message('E', ""), message('S', ""));
		assertThat(this.messages.roundTrips()).isOne();
	}

	@Test
	void bytesSplitAnywhereAreCountedOnceTheWholeMessageArrived() {
		started();
		byte[] bytes = concat(message('B', "a parameter"), message('E', ""), message('S', ""));
		for (int at = 0; at < bytes.length; at++) {
			this.messages.read(new byte[] { bytes[at] }, 1);
		}
		assertThat(this.messages.roundTrips()).isOne();
	}

	@Test
	void theApplicationNameIsTakenFromTheStartupOrTheQueryThatSetsIt() {
		send(untyped(80877103));
		send(startup("user", "service", "application_name", "from-startup"));
		assertThat(this.messages.applicationName()).isEqualTo("from-startup");
		send(message('Q', "SET application_name = 'petclinic-probe'"));
		assertThat(this.messages.applicationName()).isEqualTo("petclinic-probe");
		assertThat(this.messages.roundTrips()).isOne();
	}

	private void started() {
		send(startup("user", "service"));
	}

	private void send(byte[]... parts) {
		byte[] bytes = concat(parts);
		this.messages.read(Arrays.copyOf(bytes, bytes.length + 7), bytes.length);
	}

	private static byte[] message(char type, String body) {
		byte[] text = (body + "\0").getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(5 + text.length).put((byte) type).putInt(4 + text.length).put(text).array();
	}

	private static byte[] untyped(int code) {
		return ByteBuffer.allocate(8).putInt(8).putInt(code).array();
	}

	private static byte[] startup(String... parameters) {
		byte[] text = (String.join("\0", parameters) + "\0\0").getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(8 + text.length).putInt(8 + text.length).putInt(196608).put(text).array();
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
