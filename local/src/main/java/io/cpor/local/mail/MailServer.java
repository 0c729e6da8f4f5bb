package io.cpor.local.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GreenMail SMTP and IMAP on loopback. Each mail is written to {@code <data>/<address>/INBOX/} before the SMTP server
 * accepts it, and the mailboxes are loaded from there on start, so received mail survives a restart.
 */
public final class MailServer implements AutoCloseable {

    private final AnsweringAtOnce greenMail;
    private final String host;

    private MailServer(AnsweringAtOnce greenMail, String host) {
        this.greenMail = greenMail;
        this.host = host;
    }

    public static MailServer start(String host, int smtpPort, int imapPort, Path dataDirectory) {
        AnsweringAtOnce greenMail = new AnsweringAtOnce(new ServerSetup[] {
            new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        try {
            Files.createDirectories(dataDirectory);
            greenMail.loadEmails(dataDirectory);
        }
        catch (IOException e) {
            greenMail.stop();
            throw new UncheckedIOException("Cannot load mail from " + dataDirectory, e);
        }
        catch (FolderException e) {
            greenMail.stop();
            throw new IllegalStateException("Cannot load mail from " + dataDirectory, e);
        }
        MessageDeliveryHandler createsMailboxes = greenMail.getUserManager().getMessageDeliveryHandler();
        greenMail.getUserManager().setMessageDeliveryHandler(new KeepingOnDisk(createsMailboxes, dataDirectory));
        return new MailServer(greenMail, host);
    }

    public String host() {
        return host;
    }

    public int smtpPort() {
        return greenMail.port(ServerSetup.PROTOCOL_SMTP);
    }

    public int imapPort() {
        return greenMail.port(ServerSetup.PROTOCOL_IMAP);
    }

    /**
     * Stops the SMTP server, for fault drills: connections are refused until {@link #startSmtp()}. IMAP, the inbox
     * and the mail received so far stay.
     */
    public void stopSmtp() {
        greenMail.stopSmtp();
    }

    /** Starts the SMTP server again on the same port after {@link #stopSmtp()}; does nothing if it runs. */
    public void startSmtp() {
        greenMail.startSmtp();
    }

    public boolean smtpRunning() {
        return greenMail.smtpRunning();
    }

    /** Every received mail, newest first. */
    public List<ReceivedMail> inbox() {
        List<ReceivedMail> mails = new ArrayList<>();
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            try {
                MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
                for (StoredMessage message : inbox.getMessages()) {
                    mails.add(new ReceivedMail(user.getEmail(), message.getUid(), message.getReceivedDate().toInstant(),
                            message.getMimeMessage()));
                }
            }
            catch (FolderException e) {
                throw new IllegalStateException("Cannot read the inbox of " + user.getEmail(), e);
            }
        }
        mails.sort(Comparator.comparing(ReceivedMail::receivedAt).reversed()
                .thenComparing(Comparator.comparingLong(ReceivedMail::uid).reversed()));
        return mails;
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /**
     * GreenMail with Nagle's algorithm off on every client connection. GreenMail writes a multi-line answer (SMTP's
     * EHLO, IMAP's FETCH) a line at a time; with Nagle the second line waits for the client's delayed acknowledgement,
     * some 40 ms, which made every SMTP connection take 45 ms instead of 2.
     */
    private static final class AnsweringAtOnce extends GreenMail {

        AnsweringAtOnce(ServerSetup[] setups) {
            super(setups);
        }

        int port(String protocol) {
            return setup(protocol).getPort();
        }

        synchronized void stopSmtp() {
            AbstractServer smtp = services.remove(ServerSetup.PROTOCOL_SMTP);
            if (smtp != null) {
                smtp.stopService();
            }
        }

        synchronized void startSmtp() {
            if (services.containsKey(ServerSetup.PROTOCOL_SMTP)) {
                return;
            }
            ServerSetup setup = setup(ServerSetup.PROTOCOL_SMTP);
            Smtp smtp = new Smtp(setup, managers);
            smtp.startService();
            try {
                if (!smtp.waitTillRunning(setup.getServerStartupTimeout())) {
                    smtp.stopService();
                    throw new IllegalStateException("SMTP did not start again on port " + setup.getPort());
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                smtp.stopService();
                throw new IllegalStateException("Interrupted while starting SMTP", e);
            }
            services.put(ServerSetup.PROTOCOL_SMTP, smtp);
        }

        synchronized boolean smtpRunning() {
            return services.containsKey(ServerSetup.PROTOCOL_SMTP);
        }

        private ServerSetup setup(String protocol) {
            for (ServerSetup setup : config) {
                if (setup.getProtocol().equals(protocol)) {
                    return setup;
                }
            }
            throw new IllegalArgumentException("not served here: " + protocol);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
            Map<String, AbstractServer> services = new HashMap<>();
            for (ServerSetup setup : setups) {
                switch (setup.getProtocol()) {
                    case ServerSetup.PROTOCOL_SMTP -> services.put(setup.getProtocol(), new Smtp(setup, managers));
                    case ServerSetup.PROTOCOL_IMAP -> services.put(setup.getProtocol(), new Imap(setup, managers));
                    default -> throw new IllegalArgumentException("not served here: " + setup.getProtocol());
                }
            }
            return services;
        }
    }

    private static final class Smtp extends SmtpServer {

        Smtp(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected void handleClientSocket(Socket socket) throws SocketException {
            socket.setTcpNoDelay(true);
            super.handleClientSocket(socket);
        }
    }

    /** GreenMail's ImapServer (which is final), with Nagle off. */
    private static final class Imap extends AbstractServer {

        Imap(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected void handleClientSocket(Socket socket) throws SocketException {
            socket.setTcpNoDelay(true);
            super.handleClientSocket(socket);
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket socket) {
            return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), socket);
        }
    }

    /** Creates the recipient's mailbox as GreenMail does, after writing the mail where a restart finds it. */
    private static final class KeepingOnDisk implements MessageDeliveryHandler {

        private final MessageDeliveryHandler createsMailboxes;
        private final Path dataDirectory;
        private final AtomicLong sequence = new AtomicLong();

        KeepingOnDisk(MessageDeliveryHandler createsMailboxes, Path dataDirectory) {
            this.createsMailboxes = createsMailboxes;
            this.dataDirectory = dataDirectory;
        }

        @Override
        public GreenMailUser handle(com.icegreen.greenmail.mail.MovingMessage message,
                com.icegreen.greenmail.mail.MailAddress address)
                throws MessagingException, com.icegreen.greenmail.user.UserException {
            GreenMailUser user = createsMailboxes.handle(message, address);
            Path folder = dataDirectory.resolve(user.getEmail()).resolve("INBOX");
            // Names sort in arrival order, which is the order the mailbox is loaded in.
            Path file = folder.resolve(String.format("%016d-%06d.eml", System.currentTimeMillis(),
                    sequence.incrementAndGet() % 1_000_000));
            try {
                Files.createDirectories(folder);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE); OutputStream out = java.nio.channels.Channels.newOutputStream(
                        channel)) {
                    message.getMessage().writeTo(out);
                    out.flush();
                    channel.force(false);
                }
            }
            catch (IOException e) {
                throw new MessagingException("Cannot keep mail for " + user.getEmail() + " on disk", e);
            }
            return user;
        }
    }
}
