package dev.yuqing.jobs.alerting;

import dev.yuqing.core.alerting.ChannelDef;
import dev.yuqing.core.alerting.ChannelMessages;
import dev.yuqing.core.alerting.Notification;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** E-mail over SMTP with Jakarta Mail; sending blocks, so it runs on the given executor. */
public final class MailSender implements ChannelSender {
    private final SmtpSettings smtp;
    private final Session session;
    private final Executor executor;

    public MailSender(SmtpSettings smtp, Duration timeout, Executor executor) {
        if (smtp.host().isBlank()) {
            throw new IllegalArgumentException("an e-mail channel needs alerting.smtp.host");
        }
        this.smtp = smtp;
        this.executor = executor;
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", Integer.toString(smtp.port()));
        p.put("mail.smtp.auth", Boolean.toString(!smtp.username().isEmpty()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
        String millis = Long.toString(timeout.toMillis());
        p.put("mail.smtp.connectiontimeout", millis);
        p.put("mail.smtp.timeout", millis);
        p.put("mail.smtp.writetimeout", millis);
        this.session = Session.getInstance(p);
    }

    @Override
    public CompletableFuture<Void> send(ChannelDef channel, Notification n) {
        return CompletableFuture.runAsync(() -> {
            ChannelMessages.EmailMessage m = ChannelMessages.email(n);
            try {
                MimeMessage msg = new MimeMessage(session);
                msg.setFrom(new InternetAddress(smtp.from()));
                for (String to : channel.to()) {
                    msg.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
                }
                msg.setSubject(m.subject(), "UTF-8");
                msg.setText(m.body(), "UTF-8");
                msg.setSentDate(new Date());
                if (smtp.username().isEmpty()) {
                    Transport.send(msg);
                } else {
                    Transport.send(msg, smtp.username(), smtp.password());
                }
            } catch (MessagingException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }
}
