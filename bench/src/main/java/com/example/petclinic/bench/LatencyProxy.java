package com.example.petclinic.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy between the service (or the JDBC baseline) and PostgreSQL that gives the
 * loopback a network's latency, and counts the round trips the clients make.
 *
 * <p>
 * Every byte is forwarded a fixed delay after it arrived, in each direction: with
 * {@code --latency-ms=0.5} a round trip costs 1 ms more than on loopback. Each direction
 * of each connection has its own reader and writer thread and a queue between them: the
 * reader stamps every chunk it reads with its arrival time, the writer sends it when
 * arrival plus delay is due ({@link LockSupport#parkNanos}, so below a millisecond), and
 * chunks that follow are read meanwhile. The delay therefore adds latency but limits
 * neither a connection's throughput nor the number of connections served at once.
 *
 * <p>
 * The client-to-server direction is parsed as the PostgreSQL frontend protocol: the
 * packets before the startup message (SSLRequest, GSSENCRequest, CancelRequest and the
 * startup message itself) have no type byte; every message after them is a type byte and
 * an int32 length that includes itself. The server answers each Sync ({@code 'S'}, which
 * ends a batch of extended-protocol messages) and each simple Query ({@code 'Q'}); both
 * are counted. A round trip is one wait for such an answer: a Sync or Query sent before
 * the server said anything since the previous one rides with it. PgJDBC, for one, sends a
 * transaction's {@code BEGIN} as a simple Query in the same packet as the first statement
 * and its Sync: two answered messages, one round trip. Encrypted connections cannot be
 * parsed, so clients connect with {@code sslmode=disable}.
 *
 * <p>
 * The control port answers every connection with one tab-separated line and closes it:
 * round trips, Syncs, simple Queries, connections accepted, and the mean and highest
 * lateness of forwarded chunks past their due time, in microseconds. Both ports listen on
 * loopback only, the target must be a loopback address, and the proxy exits by itself
 * after {@code --lifetime} seconds.
 */
final class LatencyProxy {

	private static final int CHUNK_BYTES = 64 * 1024;

	/** Chunks read ahead of the writer, per direction; a full queue stops the reader. */
	private static final int QUEUED_CHUNKS = 1024;

	private static final byte[] END = new byte[0];

	private final long delayNanos;

	private final InetSocketAddress target;

	private final LongAdder roundTrips = new LongAdder();

	private final LongAdder syncs = new LongAdder();

	private final LongAdder queries = new LongAdder();

	private final LongAdder connections = new LongAdder();

	private final LongAdder chunks = new LongAdder();

	private final LongAdder latenessNanos = new LongAdder();

	private final AtomicLong maxLatenessNanos = new AtomicLong();

	private LatencyProxy(long delayNanos, InetSocketAddress target) {
		this.delayNanos = delayNanos;
		this.target = target;
	}

	/**
	 * {@code proxy --listen-port= --target-port= --control-port= [--target-host=127.0.0.1]
	 * [--latency-ms=0.5] [--lifetime=14400]}.
	 */
	static void run(Arguments arguments) throws IOException {
		InetAddress loopback = InetAddress.getLoopbackAddress();
		InetAddress targetHost = InetAddress.getByName(arguments.string("target-host", "127.0.0.1"));
		if (!targetHost.isLoopbackAddress()) {
			throw new IllegalArgumentException("The proxy forwards to loopback only, not to " + targetHost);
		}
		double latencyMillis = Double.parseDouble(arguments.string("latency-ms", "0.5"));
		if (latencyMillis < 0) {
			throw new IllegalArgumentException("--latency-ms must not be negative");
		}
		LatencyProxy proxy = new LatencyProxy(Math.round(latencyMillis * 1e6),
				new InetSocketAddress(targetHost, Integer.parseInt(arguments.string("target-port"))));
		long lifetimeSeconds = arguments.integer("lifetime", 4 * 3600);
		Thread.ofPlatform().daemon().name("proxy-lifetime").start(() -> {
			LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(lifetimeSeconds));
			System.err.println("The proxy's lifetime of " + lifetimeSeconds + " s is over");
			System.exit(0);
		});
		ServerSocket control = new ServerSocket(arguments.integer("control-port", 0), 50, loopback);
		ServerSocket listener = new ServerSocket(arguments.integer("listen-port", 0), 200, loopback);
		Thread.ofPlatform().daemon().name("proxy-control").start(() -> proxy.serveControl(control));
		System.out.printf(Locale.ROOT, "proxy: %s:%d -> %s, %.3f ms each way; control port %d%n",
				loopback.getHostAddress(), listener.getLocalPort(), proxy.target, latencyMillis,
				control.getLocalPort());
		System.out.flush();
		while (true) {
			Socket client = listener.accept();
			proxy.connections.increment();
			Thread.ofPlatform().daemon().name("proxy-connect").start(() -> proxy.connect(client));
		}
	}

	/**
	 * The round trips and the answered messages (Syncs and simple Queries) a proxy has
	 * counted so far, asked at its control port.
	 */
	static long[] counts(int controlPort) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), controlPort)) {
			socket.setSoTimeout(5000);
			String[] fields = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).split("\t");
			return new long[] { Long.parseLong(fields[0]), Long.parseLong(fields[1]) + Long.parseLong(fields[2]) };
		}
	}

	private void serveControl(ServerSocket control) {
		while (true) {
			try (Socket socket = control.accept();
					PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII)) {
				out.println(status());
			}
			catch (IOException ex) {
				System.err.println("Control connection failed: " + ex.getMessage());
			}
		}
	}

	private String status() {
		long syncs = this.syncs.sum();
		long queries = this.queries.sum();
		long chunks = this.chunks.sum();
		return String.format(Locale.ROOT, "%d\t%d\t%d\t%d\t%.1f\t%.1f", this.roundTrips.sum(), syncs, queries,
				this.connections.sum(), (chunks > 0) ? this.latenessNanos.sum() / 1e3 / chunks : 0.0,
				this.maxLatenessNanos.get() / 1e3);
	}

	private void connect(Socket client) {
		Socket server = new Socket();
		try {
			server.connect(this.target, 3000);
			client.setTcpNoDelay(true);
			server.setTcpNoDelay(true);
			Connection connection = new Connection(client, server);
			connection.pipe("up", client.getInputStream(), server, new FrontendCounter(connection));
			connection.pipe("down", server.getInputStream(), client, null);
		}
		catch (IOException ex) {
			System.err.println("Could not connect to " + this.target + ": " + ex.getMessage());
			closeQuietly(client);
			closeQuietly(server);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closed already.
		}
	}

	/** A client's connection and the server connection it was given. */
	private final class Connection {

		private final Socket client;

		private final Socket server;

		private final AtomicLong openDirections = new AtomicLong(2);

		/**
		 * Whether the server sent anything since the client's last Sync or Query: if not,
		 * the next one is no new round trip.
		 */
		private volatile boolean answered = true;

		Connection(Socket client, Socket server) {
			this.client = client;
			this.server = server;
		}

		/** Forwards one direction: a reader thread and a writer thread. */
		void pipe(String name, InputStream in, Socket destination, @Nullable FrontendCounter counter)
				throws IOException {
			BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>(QUEUED_CHUNKS);
			OutputStream out = destination.getOutputStream();
			Thread.ofPlatform().daemon().name("proxy-" + name + "-read").start(() -> read(in, queue, counter));
			Thread.ofPlatform().daemon().name("proxy-" + name + "-write").start(() -> write(queue, out, destination));
		}

		private void read(InputStream in, BlockingQueue<Chunk> queue, @Nullable FrontendCounter counter) {
			byte[] buffer = new byte[CHUNK_BYTES];
			try {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					long due = System.nanoTime() + LatencyProxy.this.delayNanos;
					if (counter != null) {
						counter.accept(buffer, read);
					}
					else {
						this.answered = true;
					}
					queue.put(new Chunk(due, Arrays.copyOf(buffer, read)));
				}
			}
			catch (IOException ex) {
				// The other side or the writer closed the connection.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				// Sent after the chunks before it; the writer is gone if the queue is
				// full.
				queue.offer(new Chunk(System.nanoTime() + LatencyProxy.this.delayNanos, END));
			}
		}

		private void write(BlockingQueue<Chunk> queue, OutputStream out, Socket destination) {
			try {
				while (true) {
					Chunk chunk = queue.take();
					long wait;
					while ((wait = chunk.due() - System.nanoTime()) > 0) {
						LockSupport.parkNanos(wait);
					}
					if (chunk.bytes() == END) {
						destination.shutdownOutput();
						break;
					}
					long late = System.nanoTime() - chunk.due();
					out.write(chunk.bytes());
					LatencyProxy.this.chunks.increment();
					LatencyProxy.this.latenessNanos.add(late);
					LatencyProxy.this.maxLatenessNanos.accumulateAndGet(late, Math::max);
				}
			}
			catch (IOException ex) {
				close();
				return;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (this.openDirections.decrementAndGet() == 0) {
				close();
			}
		}

		private void close() {
			closeQuietly(this.client);
			closeQuietly(this.server);
		}

	}

	private record Chunk(long due, byte[] bytes) {

	}

	/**
	 * Follows the frontend messages of one connection across chunks and counts its Syncs
	 * and simple Queries.
	 */
	private final class FrontendCounter {

		private static final int SSL_REQUEST = 80877103;

		private static final int GSSENC_REQUEST = 80877104;

		private static final int CANCEL_REQUEST = 80877102;

		/** Length and code of a packet before the startup message, or type and length. */
		private final byte[] header = new byte[8];

		private int headerBytes;

		private boolean startup = true;

		private boolean lost;

		private long bodyBytesLeft;

		private final Connection connection;

		FrontendCounter(Connection connection) {
			this.connection = connection;
		}

		void accept(byte[] bytes, int length) {
			int i = 0;
			while (i < length && !this.lost) {
				if (this.bodyBytesLeft > 0) {
					int skipped = (int) Math.min(this.bodyBytesLeft, length - i);
					i += skipped;
					this.bodyBytesLeft -= skipped;
					continue;
				}
				this.header[this.headerBytes++] = bytes[i++];
				if (this.startup && this.headerBytes == 8) {
					this.headerBytes = 0;
					int packetLength = int32(0);
					int code = int32(4);
					this.bodyBytesLeft = packetLength - 8L;
					this.startup = code == SSL_REQUEST || code == GSSENC_REQUEST || code == CANCEL_REQUEST;
					check(packetLength >= 8);
				}
				else if (!this.startup && this.headerBytes == 5) {
					this.headerBytes = 0;
					byte type = this.header[0];
					int messageLength = int32(1);
					this.bodyBytesLeft = messageLength - 4L;
					if (type == 'S' || type == 'Q') {
						((type == 'S') ? LatencyProxy.this.syncs : LatencyProxy.this.queries).increment();
						if (this.connection.answered) {
							this.connection.answered = false;
							LatencyProxy.this.roundTrips.increment();
						}
					}
					check(messageLength >= 4);
				}
			}
		}

		private void check(boolean valid) {
			if (!valid) {
				this.lost = true;
				System.err.println("Not the PostgreSQL frontend protocol (an encrypted connection?): "
						+ "its round trips are no longer counted");
			}
		}

		private int int32(int offset) {
			return ((this.header[offset] & 0xff) << 24) | ((this.header[offset + 1] & 0xff) << 16)
					| ((this.header[offset + 2] & 0xff) << 8) | (this.header[offset + 3] & 0xff);
		}

	}

}
