package io.cpor.notifications.worker;

import io.cpor.notifications.NotificationProperties;
import io.cpor.notifications.domain.Mails;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One thread that sends queued mail: a batch at a time while mails are due, then waits until a mail is queued (or
 * the interval passes and retries come due). A failure of the database or the server is logged and tried again; a
 * mail taken by a worker that died is taken again when its lease ends.
 */
@Component
class MailWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);

    private final Mails mails;
    private final int batchSize;
    private final Duration interval;
    private final Duration linger;
    private volatile Thread thread;

    MailWorker(Mails mails, NotificationProperties properties) {
        this.mails = mails;
        this.batchSize = properties.batchSize();
        this.interval = properties.sendInterval();
        this.linger = properties.batchLinger();
    }

    @Override
    public void start() {
        Thread worker = new Thread(this::run, "mail-worker");
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    @Override
    public void stop() {
        Thread worker = thread;
        thread = null;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(Duration.ofSeconds(30).toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            try {
                int sent = mails.sendDue(batchSize);
                if (sent == 0) {
                    mails.awaitQueued(interval);
                }
                else if (sent < batchSize && !linger.isZero()) {
                    // Busy: more is coming, and a batch's outcomes are stored together.
                    Thread.sleep(linger.toMillis());
                }
            }
            catch (InterruptedException e) {
                return;
            }
            catch (RuntimeException e) {
                log.warn("Sending queued mail failed; trying again in {}: {}", interval, e.toString());
                try {
                    Thread.sleep(interval.toMillis());
                }
                catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }
}
