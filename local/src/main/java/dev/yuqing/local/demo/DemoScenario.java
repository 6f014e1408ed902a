package dev.yuqing.local.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.SourceType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A SYNTHETIC demo scenario: posts of a made-up city (示范市) across every source type, generated
 * from templates with a fixed seed, so the same arguments always give the same file. Nothing here
 * is real: accounts, people and events are invented, and every URL is under the reserved
 * {@code .invalid} domain. A few lines are deliberately malformed and a few posts are sent twice,
 * to show the dead-letter topic and de-duplication at work.
 */
public final class DemoScenario {
    public static final String FILE_NAME = "demo-posts.synthetic.jsonl";
    public static final Instant START = OffsetDateTime.of(2026, 11, 16, 7, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    public static final Duration SPAN = Duration.ofDays(7);

    static final String[] DISTRICTS = {"东城区", "西城区", "南湖区", "北山区", "高新区", "滨江区", "临港新区"};
    static final String[] TOPICS = {"供水", "公交", "地铁", "学校", "医院", "垃圾分类", "道路施工", "停车", "老旧小区改造",
            "社保", "公积金", "养老服务", "防汛", "空气质量", "噪音", "菜市场", "路灯", "燃气", "物业", "办事大厅"};
    static final String[] PLACES = {"幸福里小区", "滨河花园", "光明路", "人民公园", "实验小学", "第一人民医院", "火车站",
            "科技园", "老街", "体育中心", "图书馆", "中心医院"};
    static final String[] UNITS = {"市水务局", "市交通运输局", "市教育局", "市卫生健康委", "市城市管理局", "市住房和城乡建设局",
            "市人力资源和社会保障局", "市生态环境局", "市民政局", "市政务服务中心"};
    static final String[] PROBLEMS = {"自来水发黄有异味", "夜间施工噪音扰民", "公交车班次太少等车时间长", "路灯坏了好几天没人修",
            "小区门口违章停车堵塞消防通道", "垃圾清运不及时气味难闻", "电梯经常故障", "学校周边交通拥堵",
            "医院挂号排队时间太长", "雨后道路积水严重", "燃气费突然上涨", "社保转移手续办理困难"};
    static final String[] GOOD_NEWS = {"新开通三条公交线路", "完成老旧小区改造项目", "新建口袋公园正式开放", "地铁二号线延长运营时间",
            "推出社保业务一网通办", "启动冬季供暖保障工作", "开展食品安全专项检查", "举办全民健身运动会",
            "完成主干道路面修复", "新增停车泊位两千个"};
    static final String[] FEELINGS = {"点赞！", "终于等到了", "希望尽快解决", "太不方便了", "辛苦了", "什么时候能修好？",
            "效率很高", "这个问题反映很多次了", "感谢政府", "服务态度很好", "还是没有人管", "支持"};
    static final String[] POLICIES = {"城市更新行动", "优化营商环境", "生活垃圾分类管理", "冬季供暖保障", "中小学课后服务",
            "基本医疗保险", "住房公积金提取", "养老服务补贴", "防汛应急预案", "公共文化服务"};

    private final Random random;
    private final List<DemoLine> lines = new ArrayList<>();
    private int sequence;
    /** Answers to citizen messages, published after them. */
    private final List<DemoLine> replies = new ArrayList<>();

    private DemoScenario(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Generates {@code posts} valid posts (of which about 2% appear twice) and {@code malformed}
     * malformed lines spread among them.
     */
    public static List<DemoLine> generate(int posts, int malformed, long seed) {
        DemoScenario s = new DemoScenario(seed);
        List<DemoLine> valid = new ArrayList<>(posts + BURST_POSTS);
        for (int i = 0; i < posts; i++) {
            valid.add(s.post(START.plusSeconds(SPAN.toSeconds() * i / Math.max(1, posts))));
        }
        // The water-outage wave, in time order among the other posts (event time drives the trends).
        List<DemoLine> wave = s.burst();
        valid.addAll(wave);
        valid.addAll(s.negativeWave());
        valid.addAll(s.replies);
        valid.addAll(s.inspection());
        valid.sort(java.util.Comparator.comparing(DemoScenario::publishedAt));
        List<DemoLine> out = s.lines;
        int every = malformed == 0 ? Integer.MAX_VALUE : Math.max(1, posts / malformed);
        int bad = 0;
        for (int i = 0; i < valid.size(); i++) {
            out.add(valid.get(i));
            if (i % 50 == 49) {
                out.add(valid.get(i - 7)); // a re-sent post: de-duplicated downstream
            }
            if (bad < malformed && i % every == every - 1) {
                out.add(s.malformed(bad++));
            }
        }
        while (bad < malformed) {
            out.add(s.malformed(bad++));
        }
        return List.copyOf(out);
    }

    public static void write(Path file, List<DemoLine> lines) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder sb = new StringBuilder();
        for (DemoLine l : lines) {
            sb.append(l.json()).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    /** Posts in the water-outage wave: enough in 90 minutes to burst against a quiet baseline. */
    public static final int BURST_POSTS = 120;
    public static final Instant BURST_START = OffsetDateTime.of(2026, 11, 19, 18, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    public static final String BURST_REGION = "南湖区";

    static final String[] BURST_PLACES = {"幸福里小区", "滨河花园", "南湖新村", "湖景苑", "光明路一带", "南湖小学附近"};
    static final String[] BURST_COMPLAINTS = {
            "家里停水一下午了，做饭洗澡都成问题，物业说是市政管网的事",
            "突然停水也没有通知，老人孩子都在家，太不负责任了",
            "停水五个小时了还没来水，打供水热线一直占线",
            "又停水！这个月第三次了，水务局到底管不管",
            "停水也不提前说一声，晚饭都做不了，什么时候恢复供水"};

    /**
     * A wave of complaints about a water outage in one district within 90 minutes, with reposts
     * that are near-duplicates of earlier posts: the burst the trend job must raise one alert for.
     */
    private List<DemoLine> burst() {
        List<DemoLine> out = new ArrayList<>();
        List<String> originals = new ArrayList<>();
        for (int i = 0; i < BURST_POSTS; i++) {
            Instant at = BURST_START.plusSeconds(90L * 60 * i / BURST_POSTS + random.nextInt(30));
            String id = "weibo-burst-" + String.format("%04d", i);
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("id", id);
            o.put("source", SourceType.WEIBO.code());
            o.put("account", "weibo:南湖居民" + (100 + random.nextInt(900)));
            o.put("author", "南湖居民" + (100 + random.nextInt(900)));
            String text = i >= 10 && random.nextInt(3) == 0
                    ? "转发：" + originals.get(random.nextInt(originals.size()))
                    : "#" + BURST_REGION + "停水# " + BURST_REGION + pick(BURST_PLACES) + pick(BURST_COMPLAINTS) + "。@示范市发布 @示范市水务局";
            originals.add(text.replace("转发：", ""));
            o.put("text", text);
            o.put("publishedAt", at.toString());
            o.put("fetchedAt", at.plusSeconds(60).toString());
            o.put("region", BURST_REGION);
            o.put("url", "https://weibo.demo.yuqing.invalid/" + id);
            ObjectNode e = o.putObject("engagement");
            e.put("likes", random.nextInt(500));
            e.put("comments", random.nextInt(100));
            e.put("shares", random.nextInt(200));
            e.put("views", random.nextInt(20_000));
            out.add(new DemoLine(o.toString(), id, null, null));
        }
        return out;
    }

    /** The account whose article draws a wave of angry comments: a negative surge around one account. */
    public static final String SURGE_ACCOUNT = "wechat:示范市政务服务";
    public static final Instant SURGE_START = OffsetDateTime.of(2026, 11, 21, 10, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    static final String[] ANGRY = {
            "写得再好看有什么用，办事大厅排队三个小时，太失望了",
            "根本不是这样，窗口态度恶劣，材料被退回三次，非常气愤",
            "说一套做一套，投诉了也没人管，太让人寒心了",
            "宣传得天花乱坠，实际办事难得要命，差评",
            "网上预约根本约不上，现场又不给办，简直是折腾老百姓"};

    /** Thirty angry comments on the government WeChat account within ten minutes. */
    private List<DemoLine> negativeWave() {
        List<DemoLine> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = "wechat-comment-" + String.format("%04d", i);
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("id", id);
            o.put("source", SourceType.WECHAT.code());
            o.put("account", SURGE_ACCOUNT);
            o.put("author", "读者" + (1000 + random.nextInt(9000)));
            o.put("title", "评论：" + pick(GOOD_NEWS));
            o.put("text", pick(ANGRY) + "！");
            Instant at = SURGE_START.plusSeconds(20L * i);
            o.put("publishedAt", at.toString());
            o.put("fetchedAt", at.plusSeconds(60).toString());
            o.put("region", pick(DISTRICTS));
            o.put("url", "https://wechat.demo.yuqing.invalid/" + id);
            out.add(new DemoLine(o.toString(), id, null, null));
        }
        return out;
    }

    private static Instant publishedAt(DemoLine line) {
        try {
            return Instant.parse(Json.MAPPER.readTree(line.json()).get("publishedAt").asText());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a generated post is JSON", e);
        }
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private DemoLine post(Instant publishedAt) {
        String district = pick(DISTRICTS);
        // About 1% spam a monitor must catch, and now and then a notice that leaks personal data or
        // carries a classification marking.
        String alert = sequence % 97 == 96 ? "harmful-content" : sequence % 211 == 210 ? "personal-data"
                : sequence % 307 == 306 ? "classified-marking" : null;
        SourceType source = alert == null ? SourceType.values()[random.nextInt(SourceType.values().length)]
                : alert.equals("harmful-content") ? SourceType.SITE_COMMENT : SourceType.SITE_PAGE;
        String id = source.code() + "-" + String.format("%06d", ++sequence);
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", id);
        o.put("source", source.code());
        o.put("publishedAt", publishedAt.toString());
        o.put("fetchedAt", publishedAt.plusSeconds(30 + random.nextInt(600)).toString());
        o.put("region", district);
        if (alert == null) {
            content(o, source, district);
        } else if (alert.equals("harmful-content")) {
            harmfulComment(o);
        } else if (alert.equals("personal-data")) {
            leakyNotice(o, district);
        } else {
            markedNotice(o, district);
        }
        o.put("url", "https://" + source.code() + ".demo.yuqing.invalid/" + id);
        ObjectNode e = o.putObject("engagement");
        e.put("likes", random.nextInt(source == SourceType.WEIBO || source == SourceType.DOUYIN ? 5000 : 50));
        e.put("comments", random.nextInt(300));
        e.put("shares", random.nextInt(200));
        e.put("views", random.nextInt(50_000));
        return new DemoLine(o.toString(), id, null, alert);
    }

    private void weibo(ObjectNode o, String district) {
        boolean official = random.nextInt(3) == 0;
        if (official) {
            o.put("account", "weibo:示范市发布");
            o.put("author", "示范市发布");
            o.put("text", "【" + pick(TOPICS) + "】" + district + pick(GOOD_NEWS) + "，" + pick(UNITS)
                    + "提醒广大市民关注出行和生活安排。详情请见官方网站。#示范市# #" + district + "#");
        } else {
            o.put("account", "weibo:网友" + (1000 + random.nextInt(9000)));
            o.put("author", "网友" + (1000 + random.nextInt(9000)));
            o.put("text", "@示范市发布 " + district + pick(PLACES) + pick(PROBLEMS) + "，" + pick(FEELINGS)
                    + " 已经" + (2 + random.nextInt(10)) + "天了，" + pick(FEELINGS));
        }
    }

    private void wechat(ObjectNode o, String district) {
        String good = pick(GOOD_NEWS);
        o.put("account", "wechat:示范市政务服务");
        o.put("author", "示范市政务服务");
        o.put("title", district + good);
        o.put("text", "近日，" + district + good + "。据" + pick(UNITS) + "介绍，此次工作围绕群众关心的" + pick(TOPICS)
                + "和" + pick(TOPICS) + "问题展开，惠及周边" + (1 + random.nextInt(20)) + "万居民。下一步，"
                + district + "将继续推进" + pick(POLICIES) + "，让市民生活更加便利。");
    }

    private void douyin(ObjectNode o, String district) {
        o.put("account", "douyin:示范市文旅");
        o.put("author", "示范市文旅");
        o.put("text", "#" + district + "# " + pick(PLACES) + "的冬日清晨，" + pick(new String[] {"银杏叶落满街道", "晨练的市民络绎不绝",
                "江边雾气缭绕", "早市热闹非凡", "孩子们在公园里奔跑"}) + "，" + pick(FEELINGS) + " #示范市文旅# #城市风光#");
    }

    private void siteComment(ObjectNode o, String district) {
        o.put("account", "site:www.demo.yuqing.invalid");
        o.put("author", "访客" + (100 + random.nextInt(900)));
        o.put("title", "对《关于" + pick(POLICIES) + "的通知》的评论");
        o.put("text", "请问" + district + pick(PLACES) + "附近的" + pick(TOPICS) + "什么时候能落实？" + pick(PROBLEMS)
                + "，" + pick(FEELINGS));
    }

    /**
     * A citizen's message on the city's board; most are answered within a few days, some late, some
     * not at all (the answers are generated with it, published later, up to the end of the span).
     */
    private void citizenMessage(ObjectNode o, String district) {
        String thread = "msg-" + String.format("%06d", sequence);
        o.put("account", BOARD);
        o.put("threadId", thread);
        o.put("author", "市民" + (char) ('A' + random.nextInt(26)) + "女士");
        String place = pick(PLACES);
        String problem = pick(PROBLEMS);
        o.put("title", "关于" + district + place + pick(TOPICS) + "问题的反映");
        o.put("text", "尊敬的领导：您好！我是" + district + place + "的居民，" + problem + "，已经持续"
                + (1 + random.nextInt(8)) + "周，多次向社区反映未果。希望" + pick(UNITS) + "尽快协调解决，谢谢！");
        int fate = random.nextInt(10);
        if (fate == 0) {
            return; // not answered
        }
        Instant asked = Instant.parse(o.get("publishedAt").asText());
        long hours = fate == 1 ? 24L * (8 + random.nextInt(3)) : 2 + random.nextInt(72); // one in ten late
        Instant answered = asked.plus(Duration.ofHours(hours));
        if (answered.isAfter(START.plus(SPAN))) {
            return;
        }
        String unit = pick(UNITS);
        replies.add(line(thread + "-reply", SourceType.CITIZEN_MESSAGE, BOARD, unit, "答复：关于" + district + place + "问题的留言",
                "您好！您反映的" + district + place + problem + "的问题已收悉。经" + unit
                        + "核实，相关单位已于近日完成整改，后续将加强日常巡查。感谢您对我们工作的监督和支持。",
                answered, district, thread, thread));
    }

    /** The interaction column citizen messages go to, in the demo registry. */
    public static final String BOARD = "site:www.demo.yuqing.invalid/zmhd";
    /** A district account that stopped publishing weeks before the demo: stale. */
    public static final String STALE_ACCOUNT = "weibo:南湖区发布";
    /** A policy column last updated seven months before: stale. */
    public static final String STALE_COLUMN = "site:www.demo.yuqing.invalid/zcwj";
    /** A news column that falls silent at the start of the span: warned, then stale during it. */
    public static final String SLOWING_COLUMN = "site:www.demo.yuqing.invalid/sfyw";
    /** Messages left past their deadline and past three months, and one answered late. */
    public static final String OVERDUE_THREAD = "msg-inspect-overdue";
    public static final String UNANSWERED_THREAD = "msg-inspect-unanswered";
    public static final String LATE_THREAD = "msg-inspect-late";

    private static Instant china(int month, int day, int hour) {
        return OffsetDateTime.of(2026, month, day, hour, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    }

    /**
     * What the inspection must find (see the demo registry, core/…/inspection/registry-demo.json):
     * a district account silent since October, a policy column silent since April, a news column
     * that stops at the start of the span, a home page and department news kept up, an unanswered
     * message from August, one overdue from early November, one answered late.
     */
    private List<DemoLine> inspection() {
        List<DemoLine> out = new ArrayList<>();
        out.add(line("weibo-inspect-001", SourceType.WEIBO, STALE_ACCOUNT, "南湖区发布", null,
                "【南湖区】秋季征兵工作动员会召开，全区适龄青年踊跃报名。#南湖区#", china(10, 27, 9), "南湖区", null, null));
        out.add(line("weibo-inspect-002", SourceType.WEIBO, STALE_ACCOUNT, "南湖区发布", null,
                "【南湖区】南湖新村老旧小区改造项目进入收尾阶段。#南湖区#", china(10, 28, 15), "南湖区", null, null));
        out.add(line("site-page-inspect-zcwj", SourceType.SITE_PAGE, STALE_COLUMN, "示范市司法局", "示范市行政规范性文件管理办法",
                "第一条 为加强行政规范性文件管理，根据有关法律法规，结合本市实际，制定本办法。", china(4, 20, 10), "示范市", null, null));
        for (int d = 1; d <= 4; d++) {
            out.add(line("site-page-inspect-sfyw-" + d, SourceType.SITE_PAGE, SLOWING_COLUMN, "示范市人民政府办公室", "示范市召开第" + d + "次常务会议",
                    "会议研究部署了" + POLICIES[d] + "等工作。", china(11, d, 11), "示范市", null, null));
        }
        for (int d = 0; d < 7; d++) {
            out.add(line("site-page-inspect-index-" + d, SourceType.SITE_PAGE, "site:www.demo.yuqing.invalid/index", "示范市人民政府办公室",
                    "示范市人民政府门户网站首页更新", "今日要闻：" + GOOD_NEWS[d % GOOD_NEWS.length], START.plus(Duration.ofDays(d)).plusSeconds(3600),
                    "示范市", null, null));
            out.add(line("site-page-inspect-bmdt-" + d, SourceType.SITE_PAGE, "site:www.demo.yuqing.invalid/bmdt", pick(UNITS), "部门动态",
                    pick(UNITS) + "开展" + POLICIES[d % POLICIES.length] + "专题调研。", START.plus(Duration.ofDays(d)).plusSeconds(7200), "示范市", null, null));
        }
        out.add(line("site-page-inspect-rsxx", SourceType.SITE_PAGE, "site:www.demo.yuqing.invalid/rsxx", "示范市人力资源和社会保障局",
                "示范市2026年下半年事业单位公开招聘公告", "根据工作需要，面向社会公开招聘工作人员。", china(9, 1, 10), "示范市", null, null));
        out.add(line(UNANSWERED_THREAD, SourceType.CITIZEN_MESSAGE, BOARD, "市民L先生", "关于北山区光明路路灯长期不亮的反映",
                "北山区光明路一带路灯坏了很久，晚上出行很不安全，请尽快维修。", china(8, 12, 20), "北山区", null, UNANSWERED_THREAD));
        out.add(line(OVERDUE_THREAD, SourceType.CITIZEN_MESSAGE, BOARD, "市民W女士", "关于滨江区幸福里小区噪音扰民的反映",
                "滨江区幸福里小区附近工地夜间施工，噪音扰民，希望有关部门处理。", china(11, 5, 21), "滨江区", null, OVERDUE_THREAD));
        out.add(line(LATE_THREAD, SourceType.CITIZEN_MESSAGE, BOARD, "市民Z先生", "关于东城区公交站台破损的反映",
                "东城区人民公园公交站台顶棚破损，下雨天无法避雨。", china(11, 2, 9), "东城区", null, LATE_THREAD));
        out.add(line(LATE_THREAD + "-reply", SourceType.CITIZEN_MESSAGE, BOARD, "市交通运输局", "答复：关于东城区公交站台破损的留言",
                "您好！您反映的问题已转交公交公司，站台顶棚已于近日修复。", china(11, 12, 16), "东城区", LATE_THREAD, LATE_THREAD));
        return out;
    }

    private DemoLine line(String id, SourceType source, String account, String author, String title, String text, Instant at,
                          String region, String replyTo, String thread) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", id);
        o.put("source", source.code());
        o.put("account", account);
        o.put("author", author);
        if (title != null) {
            o.put("title", title);
        }
        o.put("text", text);
        o.put("publishedAt", at.toString());
        o.put("fetchedAt", at.plusSeconds(120).toString());
        o.put("region", region);
        if (replyTo != null) {
            o.put("replyTo", replyTo);
        }
        if (thread != null) {
            o.put("threadId", thread);
        }
        o.put("url", "https://" + source.code() + ".demo.yuqing.invalid/" + id);
        return new DemoLine(o.toString(), id, null, null);
    }

    private void content(ObjectNode o, SourceType source, String district) {
        switch (source) {
            case WEIBO -> weibo(o, district);
            case WECHAT -> wechat(o, district);
            case DOUYIN -> douyin(o, district);
            case SITE_COMMENT -> siteComment(o, district);
            case CITIZEN_MESSAGE -> citizenMessage(o, district);
            case SITE_PAGE -> sitePage(o, district);
        }
    }

    /** Spam of the kinds that reach government comment sections, disguised the usual ways. */
    private void harmfulComment(ObjectNode o) {
        o.put("account", "site:www.demo.yuqing.invalid");
        o.put("author", "用户" + (10000 + random.nextInt(90000)));
        o.put("text", pick(new String[] {
                "招聘兼职：日结刷单，刷*单*返*利，每天轻松赚三百，详情加群",
                "网上賭場百家乐，首充送彩金，真人荷官在线",
                "出售冰毒、海 洛 因，量大从优，私聊",
                "急用钱？无抵押贷款秒到账，先交保证金即可放款"}));
    }

    /** A published list with a full identity number: a leak the inspection must catch. */
    private void leakyNotice(ObjectNode o, String district) {
        o.put("account", "site:www.demo.yuqing.invalid/tzgg");
        o.put("author", pick(UNITS));
        o.put("title", district + "2026年度困难家庭救助名单公示");
        o.put("text", "经审核，以下家庭符合救助条件，现予公示：户主王某某，身份证号" + idNumber()
                + "，家庭人口3人。公示期为7天，如有异议请向" + district + "民政部门反映。");
    }

    /** A document published with its classification marking still on it. */
    private void markedNotice(ObjectNode o, String district) {
        o.put("account", "site:www.demo.yuqing.invalid/tzgg");
        o.put("author", pick(UNITS));
        o.put("title", "关于" + district + pick(POLICIES) + "工作的部署意见");
        o.put("text", "机密★1年\n各相关单位：为做好" + pick(POLICIES) + "工作，现将有关部署意见印发给你们，请认真贯彻落实。");
    }

    /** A synthetic identity number with a valid check digit (GB 11643). */
    private String idNumber() {
        String head = "110105" + (1950 + random.nextInt(50)) + String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28))
                + String.format("%03d", random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (head.charAt(i) - '0') * weights[i];
        }
        return head + "10X98765432".charAt(sum % 11);
    }

    private void sitePage(ObjectNode o, String district) {
        String policy = pick(POLICIES);
        o.put("account", "site:www.demo.yuqing.invalid/tzgg");
        o.put("author", pick(UNITS));
        o.put("title", "关于做好" + policy + "工作的通知");
        o.put("text", "各区人民政府，市政府各部门：为深入推进" + policy + "，切实解决群众关心的" + pick(TOPICS)
                + "问题，现就有关事项通知如下：一、提高认识，加强组织领导；二、突出重点，" + district
                + "要率先完成试点任务；三、强化督查，确保各项措施落到实处。");
    }

    /** Malformed lines of the kinds connectors really deliver, each blaming one field. */
    private DemoLine malformed(int n) {
        String id = "bad-" + String.format("%04d", n);
        String at = START.plus(SPAN.dividedBy(2)).toString();
        return switch (n % 8) {
            case 0 -> new DemoLine("{\"id\":\"" + id + "\",\"text\":未加引号的文本", null, "record", null);
            case 1 -> new DemoLine("{\"id\":\"" + id + "\",\"source\":\"weibo\",\"account\":\"weibo:x\",\"publishedAt\":\"" + at + "\"}", id, "text", null);
            case 2 -> new DemoLine("{\"id\":\"" + id + "\",\"source\":\"weibo\",\"account\":\"weibo:x\",\"text\":\"时间不对\",\"publishedAt\":\"昨天下午\"}", id, "publishedAt", null);
            case 3 -> new DemoLine("{\"id\":\"" + id + "\",\"source\":\"tiktok\",\"account\":\"x\",\"text\":\"来源未知\",\"publishedAt\":\"" + at + "\"}", id, "source", null);
            case 4 -> new DemoLine("{\"id\":\"" + id + "\",\"source\":\"douyin\",\"account\":\"x\",\"text\":\"负数点赞\",\"publishedAt\":\"" + at + "\",\"engagement\":{\"likes\":-5}}", id, "engagement.likes", null);
            case 5 -> new DemoLine("[\"" + id + "\",\"weibo\"]", null, "record", null);
            case 6 -> new DemoLine("{\"id\":\"" + id + "\",\"source\":\"wechat\",\"account\":\"x\",\"content\":\"字段名错误\",\"text\":\"t\",\"publishedAt\":\"" + at + "\"}", id, "content", null);
            default -> new DemoLine("{\"id\":\"" + id + "\",\"source\":\"site-page\",\"account\":\"x\",\"text\":\"链接错误\",\"url\":\"javascript:alert(1)\",\"publishedAt\":\"" + at + "\"}", id, "url", null);
        };
    }
}
