package com.example.petclinic.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy between the service and its database that breaks the network the way a
 * cloud database's network breaks: it passes bytes, delays them, resets every connection,
 * refuses new ones, or goes silent (accepts and never answers). Two proxies in front of
 * one PostgreSQL are two Regional endpoints of one logical database, as two peered Aurora
 * DSQL clusters are.
 * <p>
 * It can also break a connection exactly at a transaction's {@code COMMIT}, before or
 * after passing it on, so that whether the commit happened is known to the test and
 * unknown to the service.
 */
public final class FaultProxy implements AutoCloseable {

	private static final String COMMIT = "COMMIT\0";

	private static final String PROBE = "petclinic-probe";

	private static final Pattern PREPARED_COMMIT = Pattern.compile("(S_\\d+)\0COMMIT\0");

	private final InetSocketAddress target;

	private final int port;

	private final Set<Link> links = ConcurrentHashMap.newKeySet();

	private volatile Mode mode = Mode.PASS;

	private volatile Duration delay = Duration.ZERO;

	private final AtomicReference<@Nullable CommitFault> commitFault = new AtomicReference<>();

	private volatile @Nullable ServerSocket listener;

	private volatile boolean closed;

	private final AtomicInteger accepted = new AtomicInteger();

	private final AtomicLong roundTrips = new AtomicLong();

	private FaultProxy(InetSocketAddress target) {
		this.target = target;
		this.listener = listen(0);
		this.port = this.listener.getLocalPort();
		acceptInBackground(this.listener);
	}

	/** A proxy on a free loopback port that passes everything to {@code host:port}. */
	public static FaultProxy to(String host, int port) {
		return new FaultProxy(new InetSocketAddress(host, port));
	}

	public int port() {
		return this.port;
	}

	/** Pass bytes as they come, accept new connections, and disarm a commit fault. */
	public synchronized FaultProxy pass() {
		this.commitFault.set(null);
		this.mode = Mode.PASS;
		this.delay = Duration.ZERO;
		this.links.forEach(Link::wake);
		reopen();
		return this;
	}

	/** Hold every chunk of bytes this long in each direction. */
	public synchronized FaultProxy delay(Duration eachWay) {
		pass();
		this.delay = eachWay;
		return this;
	}

	/** Reset (TCP RST) every open connection; new ones are accepted. */
	public FaultProxy resetConnections() {
		this.links.forEach(Link::reset);
		return this;
	}

	/** Reset every open connection and refuse new ones, as a database that is down. */
	public synchronized FaultProxy refuse() {
		this.mode = Mode.REFUSE;
		ServerSocket current = this.listener;
		this.listener = null;
		closeQuietly(current);
		resetConnections();
		return this;
	}

	/**
	 * Accept connections and pass nothing, in either direction, on new and open
	 * connections alike: a database behind a network that silently drops packets.
	 */
	public synchronized FaultProxy silence() {
		reopen();
		this.mode = Mode.SILENT;
		return this;
	}

	/**
	 * Reset the next connection that sends {@code COMMIT}: before the database sees it
	 * (nothing is committed) or after (it is committed, but the client never hears so).
	 */
	public FaultProxy resetAtNextCommit(boolean afterPassingItOn) {
		this.commitFault.set(new CommitFault(afterPassingItOn));
		return this;
	}

	/** How many connections the proxy has accepted so far. */
	public int connectionsAccepted() {
		return this.accepted.get();
	}

	/**
	 * How many round trips the service's connections have asked of the database so far
	 * (see {@link FrontendMessages}); the probes' connections (application name
	 * {@value #PROBE}) are not counted.
	 */
	public long roundTrips() {
		return this.roundTrips.get();
	}

	/** Whether the fault armed by {@link #resetAtNextCommit} has happened. */
	public boolean commitFaultPending() {
		return this.commitFault.get() != null;
	}

	@Override
	public void close() {
		this.closed = true;
		closeQuietly(this.listener);
		this.links.forEach(Link::reset);
	}

	private void reopen() {
		if (this.listener == null && !this.closed) {
			ServerSocket reopened = listen(this.port);
			this.listener = reopened;
			acceptInBackground(reopened);
		}
	}

	private static ServerSocket listen(int port) {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return socket;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on port " + port, ex);
		}
	}

	private void acceptInBackground(ServerSocket socket) {
		Thread.ofVirtual().name("fault-proxy-" + this.port).start(() -> {
			while (!socket.isClosed()) {
				try {
					Socket client = socket.accept();
					this.accepted.incrementAndGet();
					Link link = new Link(client);
					this.links.add(link);
					link.start();
				}
				catch (IOException ex) {
					return;
				}
			}
		});
	}

	private static void closeQuietly(@Nullable AutoCloseable closeable) {
		if (closeable != null) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// already closed
			}
		}
	}

	private enum Mode {

		PASS, REFUSE, SILENT

	}

	private record CommitFault(boolean afterPassingItOn) {
	}

	/** One client connection and its connection to the database. */
	private final class Link {

		private final Socket client;

		private @Nullable Socket server;

		private final Object wakeUp = new Object();

		private @Nullable String preparedCommit;

		private volatile boolean deaf;

		private final FrontendMessages frontend = new FrontendMessages();

		Link(Socket client) {
			this.client = client;
		}

		void start() {
			Thread.ofVirtual().start(() -> {
				try {
					Socket connected = new Socket();
					connected.connect(FaultProxy.this.target, 5_000);
					this.server = connected;
					Thread.ofVirtual().start(() -> pump(connected, this.client, false));
					pump(this.client, connected, true);
				}
				catch (IOException ex) {
					reset();
				}
			});
		}

		private void pump(Socket from, Socket to, boolean fromClient) {
			byte[] buffer = new byte[16 * 1024];
			try {
				InputStream in = from.getInputStream();
				OutputStream out = to.getOutputStream();
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					awaitNotSilent();
					Duration delay = FaultProxy.this.delay;
					if (!delay.isZero()) {
						Thread.sleep(delay);
					}
					if (fromClient) {
						count(buffer, read);
					}
					CommitFault fault = fromClient ? commitFaultIn(buffer, read) : null;
					if (fault != null && !fault.afterPassingItOn()) {
						reset();
						return;
					}
					if (fault != null) {
						// The database gets the COMMIT, the client never hears back.
						this.deaf = true;
					}
					if (fromClient || !this.deaf) {
						out.write(buffer, 0, read);
						out.flush();
					}
					if (fault != null) {
						// Give the database the COMMIT before the client loses its
						// connection.
						Thread.sleep(Duration.ofMillis(200));
						reset();
						return;
					}
				}
				to.shutdownOutput();
			}
			catch (IOException | InterruptedException ex) {
				reset();
			}
		}

		/**
		 * Whether these bytes from the client commit, and the armed fault if so. pgJDBC
		 * sends {@code COMMIT} as text the first times, then (past its
		 * {@code prepareThreshold}) prepares it once as a named statement and only binds
		 * that name: both are recognised.
		 */
		private @Nullable CommitFault commitFaultIn(byte[] buffer, int length) {
			String text = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
			Matcher prepared = PREPARED_COMMIT.matcher(text);
			if (prepared.find()) {
				this.preparedCommit = prepared.group(1);
			}
			boolean commits = text.contains(COMMIT)
					|| (this.preparedCommit != null && bindsPreparedCommit(text, this.preparedCommit));
			CommitFault fault = FaultProxy.this.commitFault.get();
			if (fault != null && commits && FaultProxy.this.commitFault.compareAndSet(fault, null)) {
				return fault;
			}
			return null;
		}

		private void count(byte[] buffer, int length) {
			long before = this.frontend.roundTrips();
			this.frontend.read(buffer, length);
			if (!PROBE.equals(this.frontend.applicationName())) {
				FaultProxy.this.roundTrips.addAndGet(this.frontend.roundTrips() - before);
			}
		}

		// A Bind message: 'B', a four-byte length, the unnamed portal's empty name, then
		// the statement's name.
		private static boolean bindsPreparedCommit(String text, String statement) {
			for (int at = text.indexOf("\0" + statement + "\0"); at >= 0; at = text.indexOf("\0" + statement + "\0",
					at + 1)) {
				if (at >= 5 && text.charAt(at - 5) == 'B') {
					return true;
				}
			}
			return false;
		}

		private void awaitNotSilent() throws InterruptedException {
			synchronized (this.wakeUp) {
				while (FaultProxy.this.mode == Mode.SILENT && !this.client.isClosed()) {
					this.wakeUp.wait(100);
				}
			}
		}

		void wake() {
			synchronized (this.wakeUp) {
				this.wakeUp.notifyAll();
			}
		}

		void reset() {
			FaultProxy.this.links.remove(this);
			abort(this.client);
			abort(this.server);
			wake();
		}

		private static void abort(@Nullable Socket socket) {
			if (socket != null && !socket.isClosed()) {
				try {
					socket.setSoLinger(true, 0);
				}
				catch (SocketException ex) {
					// closing is what matters
				}
				closeQuietly(socket);
			}
		}

	}

}
