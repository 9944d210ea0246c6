package org.planmap.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder between the app and a server (PostGIS) that a test can break in the two ways a database goes
 * away, and mend:
 * <ul>
 * <li>{@link #cut()}: the server stopped. Every live connection is reset and the port is closed, so a new
 *     connection is refused at once.</li>
 * <li>{@link #silence()}: the network went quiet (a partition, a host that vanished). Connections stay open and
 *     new ones are accepted by the kernel, but no byte passes either way: the app hears nothing, and only its own
 *     timeouts end a wait.</li>
 * <li>{@link #restore()}: traffic flows again; after a silence the held connections go on where they stopped, as
 *     TCP does when a partition heals.</li>
 * </ul>
 * Listens on a free port of 127.0.0.1 (the same one after a cut); threads are daemons, one pair per connection.
 */
public final class CuttableTcpProxy implements AutoCloseable {
    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> live = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile ServerSocket listener;
    private boolean silent; // guarded by gate
    private volatile boolean closed;

    public CuttableTcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        startAccepting(listener);
    }

    public int port() {
        return port;
    }

    /** The server stopped: reset every live connection and refuse new ones. */
    public synchronized void cut() throws IOException {
        restore(); // a silence ends: its held threads must see their sockets closed, not wait on the gate
        listener.close();
        for (Socket s : live) reset(s);
    }

    /** The network went quiet: connections stay open, nothing passes. */
    public void silence() {
        synchronized (gate) {
            silent = true;
        }
    }

    /** Traffic flows again: a closed port listens again (on the same number), a silence ends. */
    public synchronized void restore() throws IOException {
        synchronized (gate) {
            silent = false;
            gate.notifyAll();
        }
        if (listener.isClosed() && !closed) {
            listener = listen(port);
            startAccepting(listener);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        cut();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true); // the port again at once after a cut, whatever TIME_WAIT remains
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    private void startAccepting(ServerSocket server) {
        daemon("proxy-accept-" + port, () -> {
            while (!server.isClosed()) {
                Socket client;
                try {
                    client = server.accept();
                } catch (IOException e) {
                    return; // cut or closed
                }
                live.add(client);
                daemon("proxy-connect-" + port, () -> connect(client));
            }
        });
    }

    private void connect(Socket client) {
        try {
            awaitTraffic(); // while silent, the client's startup message waits unread, as on a dead network
            Socket server = new Socket(target.getAddress(), target.getPort());
            live.add(server);
            daemon("proxy-up-" + port, () -> pump(client, server));
            pump(server, client);
        } catch (IOException | InterruptedException e) {
            reset(client);
        }
    }

    /** Copies bytes from one socket to the other, holding them while silent; either side closing closes both. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                awaitTraffic();
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the other direction or a cut closed the socket
        } finally {
            close(from);
            close(to);
        }
    }

    private void awaitTraffic() throws InterruptedException {
        synchronized (gate) {
            while (silent) gate.wait();
        }
    }

    private void reset(Socket s) {
        try {
            s.setSoLinger(true, 0); // RST, as a stopped server's kernel answers, not an orderly FIN
        } catch (IOException ignored) {
            // already closed
        }
        close(s);
    }

    private void close(Socket s) {
        live.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }
}
