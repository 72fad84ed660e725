package io.authd.interop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real nginx, in the foreground and in one process, with its own prefix, running examples/nginx/authd.conf
 * with only its three addresses changed: authd's, the application's and the listen port.
 */
final class Nginx {
    static final Path EXAMPLE = Path.of("examples/nginx/authd.conf");
    private static final String MAIN = """
            daemon off;
            master_process off;
            worker_processes 1;
            pid %1$s/nginx.pid;
            events { worker_connections 64; }
            http {
                access_log %1$s/access.log;
                client_body_temp_path %1$s/tmp/body;
                proxy_temp_path %1$s/tmp/proxy;
                fastcgi_temp_path %1$s/tmp/fastcgi;
                uwsgi_temp_path %1$s/tmp/uwsgi;
                scgi_temp_path %1$s/tmp/scgi;
                include %1$s/authd.conf;
            }
            """;
    /** nginx in {@code dir}, in front of authd and the application; retried when another test took its port. */
    static Peer.Listening start(Path dir, int authdPort, int appPort) throws Exception {
        String nginx = Peer.require("nginx", "nginx");
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(dir.resolve("nginx.conf"), MAIN.formatted(dir.toAbsolutePath()));
        return Peer.launch("nginx", dir, new Peer.Launch() {
            @Override
            public int freePort() throws IOException {
                return Peer.freeTcpPort();
            }

            @Override
            public List<String> command(int port) throws IOException {
                Files.writeString(dir.resolve("authd.conf"), render(Files.readString(EXAMPLE), authdPort, appPort, port));
                return List.of(nginx, "-p", dir.toString(), "-c", "nginx.conf", "-e", "stderr");
            }

            @Override
            public boolean ready(int port) {
                return accepts(port);
            }
        });
    }

    /** The example with the addresses of this test's processes: each one must be found, exactly once. */
    static String render(String example, int authdPort, int appPort, int listenPort) {
        String conf = replaceOnce(example, "server 127.0.0.1:8080;", "server 127.0.0.1:" + authdPort + ";");
        conf = replaceOnce(conf, "server 127.0.0.1:9000;", "server 127.0.0.1:" + appPort + ";");
        return replaceOnce(conf, "listen 8000;", "listen 127.0.0.1:" + listenPort + ";");
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new AssertionError(EXAMPLE + " should contain '" + from + "' exactly once");
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return s.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
