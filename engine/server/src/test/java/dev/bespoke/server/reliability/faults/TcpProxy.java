package dev.bespoke.server.reliability.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy that a test puts between the service and one of its backing services (Redis,
 * the content database) to play the network's part in a fault: {@link #delay} holds every chunk for
 * a while in both directions (a slow link, latency rather than bandwidth), {@link #cut} drops every
 * connection and refuses new ones (the service is gone, as far as the client can tell), {@link
 * #restore} listens again on the same port.
 */
final class TcpProxy implements AutoCloseable {

  private static final int CHUNK = 16 * 1024;

  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong forwarded = new AtomicLong();
  private volatile long delayNanos;
  private volatile ServerSocket listener;

  private TcpProxy(String targetHost, int targetPort, int port) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.port = port;
  }

  /** A proxy on a free loopback port, forwarding to the target. */
  static TcpProxy to(String targetHost, int targetPort) {
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      TcpProxy proxy = new TcpProxy(targetHost, targetPort, probe.getLocalPort());
      probe.close();
      proxy.restore();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return port;
  }

  /** Bytes forwarded so far, both directions: shows whether traffic passed in a window. */
  long forwarded() {
    return forwarded.get();
  }

  /** Holds every chunk this long before passing it on; zero passes at once. */
  void delay(Duration delay) {
    delayNanos = delay.toNanos();
  }

  /** Drops every open connection and stops listening: new connections are refused. */
  synchronized void cut() {
    ServerSocket current = listener;
    listener = null;
    closeQuietly(current);
    dropConnections();
  }

  /** Closes every open connection but keeps listening (a network blip, a killed client). */
  void dropConnections() {
    for (Socket socket : open.toArray(Socket[]::new)) {
      closeQuietly(socket);
    }
    open.clear();
  }

  /** Listens again on the same port. */
  synchronized void restore() {
    if (listener != null) {
      return;
    }
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
      listener = socket;
      daemon("proxy-accept-" + port, () -> accept(socket));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + port + " again", e);
    }
  }

  @Override
  public void close() {
    cut();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException closed) {
        return;
      }
      Socket upstream = new Socket();
      try {
        upstream.connect(new InetSocketAddress(targetHost, targetPort), 2_000);
      } catch (IOException refused) {
        // The target itself is down: the client sees its connection closed, as with a crash.
        closeQuietly(client);
        closeQuietly(upstream);
        continue;
      }
      open.add(client);
      open.add(upstream);
      pipe(client, upstream);
      pipe(upstream, client);
    }
  }

  /** One direction: a reader stamps each chunk, a writer passes it on once its delay is over. */
  private void pipe(Socket from, Socket to) {
    BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
    daemon(
        "proxy-read-" + port,
        () -> {
          byte[] buffer = new byte[CHUNK];
          try (InputStream in = from.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
              chunks.put(new Chunk(System.nanoTime(), Arrays.copyOf(buffer, n)));
            }
          } catch (IOException | InterruptedException e) {
            // Closed by a cut or by the other side.
          } finally {
            chunks.add(Chunk.END);
          }
        });
    daemon(
        "proxy-write-" + port,
        () -> {
          try (OutputStream out = to.getOutputStream()) {
            while (true) {
              Chunk chunk = chunks.take();
              if (chunk == Chunk.END) {
                break;
              }
              long wait = chunk.readAt() + delayNanos - System.nanoTime();
              if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
              }
              out.write(chunk.bytes());
              out.flush();
              forwarded.addAndGet(chunk.bytes().length);
            }
          } catch (IOException | InterruptedException e) {
            // The other side went away.
          } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
          }
        });
  }

  private record Chunk(long readAt, byte[] bytes) {
    static final Chunk END = new Chunk(0, new byte[0]);
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Already closed.
    }
  }
}
