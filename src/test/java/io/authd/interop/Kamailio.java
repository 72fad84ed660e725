package io.authd.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A real Kamailio running examples/kamailio/kamailio.cfg as it stands: the test sets only its defines (authd's
 * URL, the realm, the UDP address) with -A, as an operator can. Foreground (-DD), logging to its log file (-E),
 * with its runtime files in the test's directory.
 */
final class Kamailio {
    static final Path CONFIG = Path.of("examples/kamailio/kamailio.cfg").toAbsolutePath();

    private Kamailio() {
    }

    static Peer.Listening start(Path dir, String verifyUrl, String realm) throws Exception {
        String kamailio = Peer.require("kamailio", "kamailio");
        return Peer.launch("kamailio", dir, new Peer.Launch() {
            @Override
            public int freePort() throws IOException {
                return Peer.freeUdpPort();
            }

            @Override
            public List<String> command(int port) {
                return List.of(kamailio, "-f", CONFIG.toString(), "-DD", "-E", "-n", "2", "-m", "32", "-M", "4",
                        "-w", dir.toString(), "-Y", dir.toString(), "-P", dir.resolve("kamailio.pid").toString(),
                        "-A", "AUTHD_VERIFY=\"" + verifyUrl + "\"", "-A", "SIP_REALM=\"" + realm + "\"",
                        "-A", "SIP_LISTEN=udp:127.0.0.1:" + port);
            }

            @Override
            public boolean ready(int port) {
                return answers(port);
            }
        });
    }

    /** Any SIP answer to an OPTIONS (the example answers 501) means its workers are up; rport: answer this socket. */
    private static boolean answers(int port) {
        String options = "OPTIONS sip:ping@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:9;rport;branch=z9hG4bK-ready-" + System.nanoTime() + "\r\n"
                + "From: <sip:ready@127.0.0.1>;tag=1\r\nTo: <sip:ping@127.0.0.1>\r\nCall-ID: ready-" + System.nanoTime()
                + "\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(200);
            byte[] out = options.getBytes(StandardCharsets.US_ASCII);
            s.send(new DatagramPacket(out, out.length, InetAddress.getLoopbackAddress(), port));
            s.receive(new DatagramPacket(new byte[4096], 4096));
            return true;
        } catch (SocketTimeoutException | java.net.PortUnreachableException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
