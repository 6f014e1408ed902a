package dev.yuqing.jobs.alerting;

import static dev.yuqing.jobs.alerting.AlertFixtures.T0;
import static dev.yuqing.jobs.alerting.AlertFixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alerting.AlertJson;
import dev.yuqing.core.alerting.Backoff;
import dev.yuqing.core.alerting.ChannelDef;
import dev.yuqing.core.alerting.ChannelKind;
import dev.yuqing.core.alerting.Notification;
import dev.yuqing.core.alerting.RateLimit;
import dev.yuqing.core.alerting.RoutingRules;
import dev.yuqing.core.deadletter.DeadLetter;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Delivery against real servers on 127.0.0.1: the JDK's HttpServer as webhook, GreenMail as SMTP server. */
class DelivererTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private static final Backoff FAST = new Backoff(5, Duration.ofMillis(20), Duration.ofMillis(100));

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<byte[]> accepted = new CopyOnWriteArrayList<>();
    private volatile int failFirst;

    @BeforeEach
    void startWebhook() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            try (ex) {
                byte[] body = ex.getRequestBody().readAllBytes();
                int n = requests.incrementAndGet();
                int status = n <= failFirst ? 503 : 200;
                if (status == 200) {
                    accepted.add(body);
                }
                ex.sendResponseHeaders(status, -1);
            }
        });
        server.start();
    }

    @AfterEach
    void stopWebhook() {
        server.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private Deliverer deliverer(RoutingRules routing, Backoff backoff) {
        int smtpPort = SMTP.getSmtp().getPort();
        return new Deliverer(routing, new DeliverySettings(backoff, RateLimit.parse("100/1s"), Duration.ofSeconds(5),
                new SmtpSettings("127.0.0.1", smtpPort, false, "", "", "yuqing@127.0.0.1")), Clock.systemUTC());
    }

    private RoutingRules webhook() {
        return RoutingRules.only(new ChannelDef("hook", ChannelKind.WEBHOOK, hookUrl(), "", List.of(), null));
    }

    @Test
    void aWebhookThatFailsThreeTimesThenRecoversGetsTheAlertExactlyOnce() throws Exception {
        failFirst = 3;
        try (Deliverer d = deliverer(webhook(), FAST)) {
            Notification n = Notification.of(Notification.Reason.NEW, alert("a", AlertLevel.RED), T0);
            DeliveryResult r = d.deliver(new Delivery("hook", n)).get(10, TimeUnit.SECONDS);

            assertThat(r.delivered()).isTrue();
            assertThat(r.attempts()).isEqualTo(4);
            assertThat(requests).hasValue(4);
            assertThat(accepted).hasSize(1);
            assertThat(AlertJson.read(accepted.get(0))).isEqualTo(n.alerts().get(0));
        }
    }

    @Test
    void aChannelThatKeepsFailingIsGivenUpAndDeadLettered() throws Exception {
        failFirst = Integer.MAX_VALUE;
        try (Deliverer d = deliverer(webhook(), new Backoff(3, Duration.ofMillis(10), Duration.ofMillis(20)))) {
            Notification n = Notification.of(Notification.Reason.NEW, alert("a", AlertLevel.RED), T0);
            DeliveryResult r = d.deliver(new Delivery("hook", n)).get(10, TimeUnit.SECONDS);

            assertThat(r.delivered()).isFalse();
            assertThat(r.attempts()).isEqualTo(3);
            assertThat(r.error()).contains("HTTP 503");
            assertThat(requests).hasValue(3);

            DeadLetter dl = AlertJob.deadLetter(r);
            assertThat(dl.stage()).isEqualTo("alert-delivery");
            assertThat(dl.key()).isEqualTo("a");
            assertThat(dl.reason()).contains("hook", "3 attempts", "503");
            assertThat(AlertJson.read(dl.rawBytes())).isEqualTo(n.alerts().get(0));
        }
    }

    @Test
    void aRobotAnsweringWithAnErrorCodeIsAFailure() throws Exception {
        server.createContext("/robot", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                byte[] body = "{\"errcode\":310000,\"errmsg\":\"sign not match\"}".getBytes();
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/robot?access_token=t";
        RoutingRules dingTalk = RoutingRules.only(new ChannelDef("dt", ChannelKind.DINGTALK, url, "SEC", List.of(), null));
        try (Deliverer d = deliverer(dingTalk, new Backoff(1, Duration.ZERO, Duration.ZERO))) {
            DeliveryResult r = d.deliver(new Delivery("dt", Notification.of(Notification.Reason.NEW, alert("a", AlertLevel.RED), T0)))
                    .get(10, TimeUnit.SECONDS);
            assertThat(r.delivered()).isFalse();
            assertThat(r.error()).contains("310000");
        }
    }

    @Test
    void anEmailReachesTheSmtpServerInChinese() throws Exception {
        RoutingRules mail = RoutingRules.only(new ChannelDef("mail", ChannelKind.EMAIL, null, "",
                List.of("duty@127.0.0.1", "leader@127.0.0.1"), null));
        try (Deliverer d = deliverer(mail, FAST)) {
            DeliveryResult r = d.deliver(new Delivery("mail", new Notification(Notification.Reason.DIGEST,
                    List.of(alert("a", AlertLevel.BLUE), alert("b", AlertLevel.YELLOW)), T0))).get(10, TimeUnit.SECONDS);
            assertThat(r.delivered()).as(r.error()).isTrue();
        }
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2); // one per recipient
        assertThat(received[0].getSubject()).isEqualTo("【舆情每日汇总】低等级告警 2 条");
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        assertThat(received[0].getContent().toString()).contains("黄色", "告警编号：b");
    }

    @Test
    void theRateLimitSpacesMessagesInsteadOfDroppingThem() throws Exception {
        RoutingRules slow = RoutingRules.only(new ChannelDef("hook", ChannelKind.WEBHOOK, hookUrl(), "", List.of(), RateLimit.parse("10/1s burst 1")));
        try (Deliverer d = deliverer(slow, FAST)) {
            long start = System.nanoTime();
            var first = d.deliver(new Delivery("hook", Notification.of(Notification.Reason.NEW, alert("a", AlertLevel.RED), T0)));
            var second = d.deliver(new Delivery("hook", Notification.of(Notification.Reason.NEW, alert("b", AlertLevel.RED), T0)));
            var third = d.deliver(new Delivery("hook", Notification.of(Notification.Reason.NEW, alert("c", AlertLevel.RED), T0)));
            assertThat(List.of(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS), third.get(5, TimeUnit.SECONDS)))
                    .allMatch(DeliveryResult::delivered);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
            assertThat(accepted).hasSize(3);
        }
    }
}
