package dev.geodr.servicebus.arm.azure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal HTTP CONNECT proxy on loopback, like the egress proxies of locked-down clusters: it
 * records every tunnel it is asked for (target and Proxy-Authorization header) and then relays
 * bytes blindly, so the TLS inside stays end to end.
 */
final class ConnectProxy implements AutoCloseable {

    record Tunnel(String target, String proxyAuthorization) {}

    private final ServerSocket server;
    private final List<Tunnel> tunnels = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    ConnectProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "connect-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<Tunnel> tunnels() {
        return List.copyOf(tunnels);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread t = new Thread(() -> serve(client), "connect-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            InputStream in = client.getInputStream();
            List<String> head = readHead(in);
            String[] requestLine = head.get(0).split(" ");
            String authorization =
                    head.stream()
                            .skip(1)
                            .filter(
                                    h ->
                                            h.toLowerCase(Locale.ROOT)
                                                    .startsWith("proxy-authorization:"))
                            .map(h -> h.substring(h.indexOf(':') + 1).trim())
                            .findFirst()
                            .orElse(null);
            OutputStream out = client.getOutputStream();
            if (!requestLine[0].equals("CONNECT")) {
                out.write(
                        "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                client.close();
                return;
            }
            tunnels.add(new Tunnel(requestLine[1], authorization));
            String[] hostPort = requestLine[1].split(":");
            Socket upstream = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
            open.add(upstream);
            out.write(
                    "HTTP/1.1 200 Connection established\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread back = new Thread(() -> relay(upstream, client), "connect-proxy-back");
            back.setDaemon(true);
            back.start();
            relay(client, upstream);
        } catch (IOException | RuntimeException e) {
            closeQuietly(client);
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the request head ended");
            }
            bytes.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return List.of(bytes.toString(StandardCharsets.US_ASCII).trim().split("\r\n"));
    }

    private static void relay(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ignored) {
            // either side hung up; the tunnel is over
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(ConnectProxy::closeQuietly);
    }
}
