package com.example.petclinic.test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads the PostgreSQL frontend protocol (what a client sends) as it passes, and counts
 * the round trips it asks for: each {@code Sync} of the extended query protocol and each
 * simple {@code Query} is one wait for the server's answer. pgJDBC sends the statements
 * of a batch, and a transaction's {@code BEGIN} with its first statement, before one
 * {@code Sync}: one round trip, as on the network.
 * <p>
 * The first packets have no type byte (an {@code SSLRequest} or {@code GSSENCRequest},
 * then the {@code StartupMessage}, whose parameters may give the client's
 * {@code application_name}, which pgJDBC otherwise sets with a query of its own); every
 * later message is a type byte and a four-byte length that counts itself.
 */
final class FrontendMessages {

	private static final int PROTOCOL_3 = 196608;

	private static final Pattern PIPELINED_BEGIN = Pattern.compile("BEGIN( READ ONLY)?\0?");

	private static final Pattern SET_APPLICATION_NAME = Pattern.compile("^SET application_name = '([^']*)'");

	private byte[] pending = new byte[0];

	private boolean started;

	private @Nullable String applicationName;

	private long roundTrips;

	/** Reads the next bytes the client sent. */
	synchronized void read(byte[] buffer, int length) {
		byte[] bytes = Arrays.copyOf(this.pending, this.pending.length + length);
		System.arraycopy(buffer, 0, bytes, this.pending.length, length);
		int at = 0;
		while (true) {
			int header = this.started ? 5 : 4;
			if (bytes.length - at < header) {
				break;
			}
			int lengthAt = this.started ? at + 1 : at;
			int size = ((bytes[lengthAt] & 0xff) << 24) | ((bytes[lengthAt + 1] & 0xff) << 16)
					| ((bytes[lengthAt + 2] & 0xff) << 8) | (bytes[lengthAt + 3] & 0xff);
			int total = this.started ? size + 1 : size;
			if (bytes.length - at < total) {
				break;
			}
			if (this.started) {
				char type = (char) bytes[at];
				if (type == 'S'
						|| (type == 'Q' && !simpleQuery(new String(bytes, at + 5, size - 5, StandardCharsets.UTF_8)))) {
					this.roundTrips++;
				}
			}
			else {
				startupPacket(bytes, at, size);
			}
			at += total;
		}
		this.pending = Arrays.copyOfRange(bytes, at, bytes.length);
	}

	private void startupPacket(byte[] bytes, int at, int size) {
		int code = ((bytes[at + 4] & 0xff) << 24) | ((bytes[at + 5] & 0xff) << 16) | ((bytes[at + 6] & 0xff) << 8)
				| (bytes[at + 7] & 0xff);
		if (code != PROTOCOL_3) {
			// SSLRequest or GSSENCRequest: the StartupMessage follows.
			return;
		}
		this.started = true;
		String[] parameters = new String(bytes, at + 8, size - 8, StandardCharsets.UTF_8).split("\0");
		for (int i = 0; i + 1 < parameters.length; i += 2) {
			if (parameters[i].equals("application_name")) {
				this.applicationName = parameters[i + 1];
			}
		}
	}

	/**
	 * Reads a simple query: pgJDBC names its application in one of its own after the
	 * startup.
	 * @return whether it is a transaction's {@code BEGIN}, sent ahead of a statement
	 */
	private boolean simpleQuery(String sql) {
		Matcher matcher = SET_APPLICATION_NAME.matcher(sql);
		if (matcher.find()) {
			this.applicationName = matcher.group(1);
		}
		return PIPELINED_BEGIN.matcher(sql).matches();
	}

	synchronized long roundTrips() {
		return this.roundTrips;
	}

	synchronized @Nullable String applicationName() {
		return this.applicationName;
	}

}
