package dev.yuqing.jobs.alerting;

import java.io.Serializable;

/** Where alert e-mails are sent from; an empty host means no e-mail channel may be used. */
public record SmtpSettings(String host, int port, boolean startTls, String username, String password, String from) implements Serializable {
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + (username.isEmpty() ? "" : " as " + username) + "]";
    }
}
