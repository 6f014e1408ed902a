package dev.yuqing.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic synthetic posts of 100–300 characters in three genres seen on government sites
 * and new media: notices, citizens' messages and Weibo-style comments. A small share carry
 * lexicon terms, half of them disguised. Written from templates so benchmarks need no data files.
 */
public final class PostCorpus {
    public static final long SEED = 20260101L;
    public static final int SIZE = 3000;
    /** About one post in twelve carries a harmful term: spam and abuse are a minority of traffic. */
    private static final double HARMFUL_SHARE = 0.08;
    private static final int MIN_CHARS = 100;
    private static final int MAX_CHARS = 300;

    private static final List<String> CITIES = List.of("杭州市", "南京市", "成都市", "武汉市", "西安市", "长沙市", "郑州市",
            "合肥市", "昆明市", "福州市", "济南市", "南昌市", "贵阳市", "太原市", "兰州市", "南宁市");
    private static final List<String> DISTRICTS = List.of("西湖区", "江宁区", "武侯区", "洪山区", "雁塔区", "岳麓区", "金水区",
            "蜀山区", "五华区", "鼓楼区", "历下区", "青山湖区", "观山湖区", "小店区", "城关区", "青秀区");
    private static final List<String> COMMUNITIES = List.of("阳光花园", "锦绣家园", "翠湖小区", "学府名苑", "滨江一号",
            "东方明珠苑", "幸福里社区", "桂花坪小区", "新华村", "金色港湾", "梧桐苑", "丽景湾");
    private static final List<String> DEPTS = List.of("市场监督管理局", "生态环境局", "住房和城乡建设局", "交通运输局",
            "卫生健康委员会", "教育局", "人力资源和社会保障局", "应急管理局", "民政局", "城市管理局", "水务局", "农业农村局");
    private static final List<String> TOPICS = List.of("夏季安全生产大检查", "老旧小区改造", "城市内涝防治", "食品安全专项整治",
            "义务教育阶段招生", "城乡居民医保参保缴费", "冬季供暖保障", "农村人居环境整治", "生活垃圾分类", "消防安全隐患排查",
            "稳岗就业援助", "电动自行车充电安全整治", "校园周边环境治理", "燃气安全专项排查", "文明城市创建", "高温天气防暑降温",
            "反诈宣传进社区", "禁毒宣传月", "打击非法集资宣传", "秋冬季大气污染防治");
    private static final List<String> GOALS = List.of("保障人民群众生命财产安全", "提升城市精细化管理水平", "改善群众居住条件",
            "规范市场经营秩序", "做好民生保障工作", "推动高质量发展", "营造良好的营商环境", "切实减轻群众负担");
    private static final List<String> BASES = List.of("省政府办公厅有关文件", "上级部门统一部署", "市委市政府工作安排",
            "《中华人民共和国安全生产法》相关规定", "年度重点工作计划");
    private static final List<String> UNITS = List.of("区县", "街道", "乡镇", "有关单位", "各成员单位", "社区居委会");
    private static final List<String> ITEMS = List.of("消防通道、疏散指示标志", "从业人员健康证明、进货查验记录",
            "排水管网、易涝点位", "燃气管道、报警装置", "施工围挡、扬尘防治措施", "电梯维保记录、应急救援预案");
    private static final List<String> JOBS = List.of("电工", "焊工", "汽车维修技师", "养老护理员", "保育员", "数控车工", "会计");

    private static final List<String> NOTICE_TITLES = List.of("关于开展%s的通知", "%s%s关于%s的公告", "%s召开%s工作推进会",
            "%s印发%s实施方案");
    private static final List<String> NOTICE_SENTENCES = List.of(
            "为进一步%s，根据%s要求，%s决定自%d月%d日起在全市范围内开展%s。",
            "请各%s高度重视，明确责任分工，于%d月%d日前将工作方案报送%s。",
            "本次行动重点检查%s等方面，对发现的问题建立台账、限期整改。",
            "对拒不整改或整改不到位的单位，将依法依规严肃处理，并向社会公开曝光。",
            "市民如有意见建议，可拨打12345政务服务便民热线反映，相关部门将在%d个工作日内答复。",
            "截至%d月底，全市已累计完成%d个项目，惠及居民%d户。",
            "会议指出，%s事关群众切身利益，各级各部门要压实属地责任，确保各项措施落地见效。",
            "下一步，%s将持续加强部门联动，形成齐抓共管的工作格局。",
            "%s近日举办专场招聘会，提供%s、%s等全职岗位%d个，有意者可现场咨询。",
            "活动期间，工作人员通过发放宣传册、设置咨询台等方式，向群众普及防范电信诈骗、远离毒品等知识。",
            "联系人：%s同志，联系电话：0%d-%d。",
            "特此通知。");
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴");

    private static final List<String> PROBLEMS = List.of(
            "小区门口的餐馆油烟直排，晚上十点以后还在营业",
            "附近工地夜间施工噪音很大，凌晨一两点还在打桩",
            "小区电梯经常出故障，老人上下楼非常不便",
            "楼下道路坑洼不平，一下雨就积水严重",
            "孩子就读学校的食堂饭菜质量差，价格却不断上涨",
            "公交线路调整以后，上班要多走两公里才能坐上车",
            "物业费上涨了三成，服务却没有任何改善",
            "小区地下车库多处漏水，车辆被泡过两次",
            "路边违章停车占用人行道，行人只能走机动车道",
            "开发商承诺的幼儿园至今没有交付",
            "自来水经常发黄，烧开后有明显的沉淀物",
            "小区绿化带被个别业主私自圈占种菜");
    private static final List<String> COMPLAINT_SENTENCES = List.of(
            "我是%s%s%s的居民，%s，这种情况已经持续了%d个多月。",
            "我们多次拨打12345热线反映，%s。",
            "希望相关部门尽快%s，还居民一个正常的生活环境。",
            "周边住着很多老人和小孩，大家都很有意见。",
            "请问这种情况应该由哪个部门负责？",
            "恳请领导重视，给我们一个明确的答复，谢谢！",
            "之前社区也来看过，说会协调处理，但到现在也没有下文。",
            "我们也理解城市建设的需要，但是不能以牺牲居民休息为代价。");
    private static final List<String> RESPONSES = List.of("每次都说会转交处理，但问题一直没解决", "工作人员来看过一次就没有下文了",
            "得到的答复是不属于他们的管辖范围", "至今没有收到任何回复");
    private static final List<String> DEMANDS = List.of("安排人员现场核查", "督促物业公司整改", "依法查处违规行为",
            "公开处理进度", "协调有关单位限期解决");

    private static final List<String> COMMENT_SENTENCES = List.of(
            "#%s暴雨# 我们小区地下车库又进水了，物业到现在都没人管[怒]",
            "支持！早就该这么整治了👍",
            "今天去政务服务中心办社保，十分钟就办完了，给工作人员点个赞",
            "有没有人知道%s的积分落户政策什么时候出？",
            "说得好听，落实呢？我们那条路修了一年还没修好",
            "转发微博",
            "这个政策对我们上班族来说真的很实用，收藏了",
            "求扩散！%s%s附近有一只走失的柯基，脖子上戴着红色项圈",
            "哈哈哈哈笑死我了，评论区的人才真多",
            "@%s 你们那边也这样吗",
            "希望地铁%d号线能早点开通，每天通勤两个小时太累了😭",
            "昨天的演唱会太棒了，%s的夜景也很美",
            "医保卡在手机上就能激活了，方便多了",
            "为一线的消防员点赞，辛苦了！🚒",
            "菜价又涨了，一斤青菜要八块钱",
            "今天的天气适合出去走走，%s的樱花开了🌸",
            "这届年轻人太难了，房贷车贷压力山大");
    private static final List<String> NICKS = List.of("小鱼儿", "城市观察员", "今天也要加油鸭", "老张说事", "江南烟雨", "追风少年");

    private static final List<String> SPAM_FRAMES = List.of(
            "%s，需要的私信我，名额有限",
            "看这里→%s，懂的都懂",
            "我朋友说%s，真的假的？",
            "评论区好多%s的广告，管理员管管吧",
            "加我V了解：%s");

    private PostCorpus() {}

    /** The benchmark corpus: {@link #SIZE} posts from {@link #SEED}. */
    public static List<BenchPost> standard(HarmfulTerms terms) {
        return generate(SIZE, SEED, terms);
    }

    public static List<BenchPost> generate(int count, long seed, HarmfulTerms terms) {
        Random r = new Random(seed);
        List<String> plantable = terms.sample(40, new Random(seed ^ 0x5DEECE66DL));
        List<BenchPost> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double genre = r.nextDouble();
            BenchPost post = genre < 0.35 ? notice(r) : genre < 0.65 ? complaint(r) : comment(r);
            if (r.nextDouble() < HARMFUL_SHARE) {
                post = plant(post, r, plantable);
            }
            out.add(post);
        }
        return out;
    }

    private static BenchPost notice(Random r) {
        String city = pick(r, CITIES);
        String dept = pick(r, DEPTS);
        String topic = pick(r, TOPICS);
        String title = switch (r.nextInt(NOTICE_TITLES.size())) {
            case 0 -> String.format(NOTICE_TITLES.get(0), topic);
            case 1 -> String.format(NOTICE_TITLES.get(1), city, dept, topic);
            case 2 -> String.format(NOTICE_TITLES.get(2), city, topic);
            default -> String.format(NOTICE_TITLES.get(3), city + dept, topic);
        };
        StringBuilder b = new StringBuilder();
        int target = MIN_CHARS + r.nextInt(MAX_CHARS - MIN_CHARS + 1);
        Deck deck = new Deck(NOTICE_SENTENCES.size(), r);
        while (b.length() < target) {
            String s = switch (deck.next()) {
                case 0 -> String.format(NOTICE_SENTENCES.get(0), pick(r, GOALS), pick(r, BASES), dept, 1 + r.nextInt(12), 1 + r.nextInt(28), topic);
                case 1 -> String.format(NOTICE_SENTENCES.get(1), pick(r, UNITS), 1 + r.nextInt(12), 1 + r.nextInt(28), dept);
                case 2 -> String.format(NOTICE_SENTENCES.get(2), pick(r, ITEMS));
                case 3 -> NOTICE_SENTENCES.get(3);
                case 4 -> String.format(NOTICE_SENTENCES.get(4), 3 + r.nextInt(5));
                case 5 -> String.format(NOTICE_SENTENCES.get(5), 1 + r.nextInt(12), 10 + r.nextInt(300), 1000 + r.nextInt(90000));
                case 6 -> String.format(NOTICE_SENTENCES.get(6), topic);
                case 7 -> String.format(NOTICE_SENTENCES.get(7), city);
                case 8 -> String.format(NOTICE_SENTENCES.get(8), city + "人力资源和社会保障局", pick(r, JOBS), pick(r, JOBS), 50 + r.nextInt(900));
                case 9 -> NOTICE_SENTENCES.get(9);
                case 10 -> String.format(NOTICE_SENTENCES.get(10), pick(r, SURNAMES), 10 + r.nextInt(990), 80000000 + r.nextInt(9999999));
                default -> NOTICE_SENTENCES.get(11);
            };
            b.append(s);
        }
        return new BenchPost("notice", title, fit(b), List.of());
    }

    private static BenchPost complaint(Random r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(COMPLAINT_SENTENCES.get(0), pick(r, CITIES), pick(r, DISTRICTS), pick(r, COMMUNITIES), pick(r, PROBLEMS), 1 + r.nextInt(11)));
        int target = MIN_CHARS + r.nextInt(MAX_CHARS - MIN_CHARS + 1);
        Deck deck = new Deck(COMPLAINT_SENTENCES.size() - 1, r);
        while (b.length() < target) {
            int k = 1 + deck.next();
            b.append(switch (k) {
                case 1 -> String.format(COMPLAINT_SENTENCES.get(1), pick(r, RESPONSES));
                case 2 -> String.format(COMPLAINT_SENTENCES.get(2), pick(r, DEMANDS));
                default -> r.nextInt(3) == 0 ? "另外，" + pick(r, PROBLEMS) + "。" : COMPLAINT_SENTENCES.get(k);
            });
        }
        String title = r.nextBoolean() ? pick(r, COMMUNITIES) + pick(r, PROBLEMS).split("，")[0] : null;
        return new BenchPost("complaint", title, fit(b), List.of());
    }

    private static BenchPost comment(Random r) {
        StringBuilder b = new StringBuilder();
        int target = MIN_CHARS + r.nextInt(MAX_CHARS - MIN_CHARS + 1);
        Deck deck = new Deck(COMMENT_SENTENCES.size(), r);
        while (b.length() < target) {
            int k = deck.next();
            String s = COMMENT_SENTENCES.get(k);
            b.append(switch (k) {
                case 0, 3, 11, 15 -> String.format(s, pick(r, CITIES));
                case 7 -> String.format(s, pick(r, DISTRICTS), pick(r, COMMUNITIES));
                case 9 -> String.format(s, pick(r, NICKS));
                case 10 -> String.format(s, 1 + r.nextInt(12));
                default -> s;
            });
            if ("。！？]".indexOf(b.charAt(b.length() - 1)) < 0) {
                b.append(r.nextInt(3) == 0 ? " " : "。");
            } else {
                b.append(' ');
            }
        }
        return new BenchPost("comment", null, fit(b), List.of());
    }

    /** Replaces a sentence's worth of the text with spam or abuse carrying a lexicon term. */
    private static BenchPost plant(BenchPost post, Random r, List<String> plantable) {
        String term = pick(r, plantable);
        String shown = term;
        if (r.nextBoolean()) {
            Disguise[] kinds = Disguise.values();
            String d = kinds[1 + r.nextInt(kinds.length - 1)].apply(term, r);
            shown = d == null ? term : d;
        }
        String spam = String.format(pick(r, SPAM_FRAMES), shown);
        spam = spam.endsWith("？") ? spam : spam + "。";
        String text = post.text();
        if (text.length() + spam.length() > MAX_CHARS) {
            text = text.substring(0, Math.max(0, MAX_CHARS - spam.length()));
        }
        // Between two sentences, or at the start, as a real comment would read.
        int at = r.nextBoolean() ? 0 : text.indexOf('。', r.nextInt(text.length() + 1)) + 1;
        StringBuilder b = new StringBuilder(text.substring(0, at)).append(spam).append(text.substring(at));
        return new BenchPost(post.genre(), post.title(), b.toString(), List.of(term));
    }

    /** Cuts an overlong text back to {@link #MAX_CHARS} at a sentence end when there is one. */
    private static String fit(StringBuilder b) {
        if (b.length() <= MAX_CHARS) {
            return b.toString();
        }
        String s = b.substring(0, MAX_CHARS);
        int end = Math.max(s.lastIndexOf('。'), Math.max(s.lastIndexOf('！'), s.lastIndexOf('？')));
        return end + 1 >= MIN_CHARS ? s.substring(0, end + 1) : s;
    }

    /** Sentence indices in shuffled order, so a post repeats a sentence only once all are used. */
    private static final class Deck {
        private final List<Integer> order = new ArrayList<>();
        private final int size;
        private final Random random;

        Deck(int size, Random random) {
            this.size = size;
            this.random = random;
        }

        int next() {
            if (order.isEmpty()) {
                for (int i = 0; i < size; i++) {
                    order.add(i);
                }
                java.util.Collections.shuffle(order, random);
            }
            return order.remove(order.size() - 1);
        }
    }

    private static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }
}
