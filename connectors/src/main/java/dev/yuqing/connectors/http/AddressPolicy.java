package dev.yuqing.connectors.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which URLs a connector may fetch: pages it reads link to hosts nobody chose, and a link or a
 * redirect to an address inside the network (a router's admin page, a cloud metadata service)
 * must not be requested. Only http and https; a host named in the denied entries never; a host
 * whose name or every resolved address is in the allowed entries always; otherwise none of the
 * host's resolved addresses may be loopback, private, link-local, multicast, unique-local,
 * documentation, benchmarking or otherwise not public ({@link #REFUSED_RANGES}). Each host refused is logged once.
 *
 * <p>The check is at resolution time: the HTTP client resolves the host again when it connects,
 * so a name whose DNS answer changes in between (DNS rebinding, a TTL of 0) can slip through.
 * A host that does not resolve is let through: the request then fails as a dead link would.
 */
public final class AddressPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(AddressPolicy.class);
    /** The key that lets a refused host through, named in the log. */
    public static final String ALLOWED_KEY = "http.allowed.hosts";
    public static final String DENIED_KEY = "http.denied.hosts";

    // Before REFUSED_RANGES, whose entries they parse.
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");
    private static final Pattern HOST_NAME = Pattern.compile("(\\*\\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");

    /** An address range refused by default, and what its addresses are ("a private address"). */
    private record Named(String what, Cidr range) {}

    /** Addresses that are not the public Internet: refused unless allowed. */
    static final List<Named> REFUSED_RANGES = List.of(
            named("an any-local (this network) address", "0.0.0.0/8"),
            named("a private address", "10.0.0.0/8"),
            named("a shared (carrier-grade NAT) address", "100.64.0.0/10"),
            named("a loopback address", "127.0.0.0/8"),
            named("a link-local address", "169.254.0.0/16"),
            named("a private address", "172.16.0.0/12"),
            named("an IETF protocol assignment address", "192.0.0.0/24"),
            named("a documentation address", "192.0.2.0/24"),
            named("a private address", "192.168.0.0/16"),
            // Meant for benchmarking between networks, and used inside networks as private space.
            named("a benchmarking address", "198.18.0.0/15"),
            named("a documentation address", "198.51.100.0/24"),
            named("a documentation address", "203.0.113.0/24"),
            named("a multicast address", "224.0.0.0/4"),
            named("a reserved address", "240.0.0.0/4"),
            named("the any-local address", "::/128"),
            named("the loopback address", "::1/128"),
            // Teredo carries a relay server's IPv4 address and a client's, obfuscated: which one is reached is not
            // knowable here, so the form is refused rather than judged by either.
            named("a Teredo address", "2001::/32"),
            named("a documentation address", "2001:db8::/32"),
            named("a unique-local address", "fc00::/7"),
            named("a link-local address", "fe80::/10"),
            named("a site-local address", "fec0::/10"),
            named("a multicast address", "ff00::/8"));

    /** Resolves a host name (or IP literal) to its addresses; the system's DNS outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** One entry of http.allowed.hosts or http.denied.hosts: a host name (*.suffix for its subdomains) or an address range. */
    sealed interface Entry permits HostName, Cidr {
        boolean matchesName(String host);

        boolean matches(InetAddress address);
    }

    /** A host name, lower case; {@code *.example.gov.cn} matches the names below example.gov.cn. */
    record HostName(String name) implements Entry {
        @Override
        public boolean matchesName(String host) {
            return name.startsWith("*.") ? host.endsWith(name.substring(1)) : host.equals(name);
        }

        @Override
        public boolean matches(InetAddress address) {
            return false;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** An address range; an address alone is a range of one. */
    static final class Cidr implements Entry {
        private final byte[] network;
        private final int prefix;
        private final String text;

        Cidr(byte[] network, int prefix, String text) {
            this.network = network.clone();
            this.prefix = prefix;
            this.text = text;
        }

        @Override
        public boolean matchesName(String host) {
            return false;
        }

        @Override
        public boolean matches(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (a[whole] & mask) == (network[whole] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final List<Entry> allowed;
    private final List<Entry> denied;
    private final Resolver resolver;
    /** Hosts refused so far, so that each is logged once per task. */
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    AddressPolicy(List<Entry> allowed, List<Entry> denied, Resolver resolver) {
        this.allowed = List.copyOf(allowed);
        this.denied = List.copyOf(denied);
        this.resolver = resolver;
    }

    /**
     * The policy of a connector's http.allowed.hosts and http.denied.hosts values (comma-separated
     * entries, already validated by {@link #entriesProblem}), resolving with the system's DNS.
     */
    public static AddressPolicy of(String allowedHosts, String deniedHosts) {
        return of(allowedHosts, deniedHosts, InetAddress::getAllByName);
    }

    static AddressPolicy of(String allowedHosts, String deniedHosts, Resolver resolver) {
        return new AddressPolicy(entries(allowedHosts), entries(deniedHosts), resolver);
    }

    private static List<Entry> entries(String list) {
        List<Entry> out = new ArrayList<>();
        for (String e : split(list)) {
            out.add(parse(e));
        }
        return out;
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Null when every comma-separated entry of {@code list} is a host name, IP address or CIDR range; else what is wrong. */
    public static String entriesProblem(String list) {
        for (String e : split(list)) {
            try {
                parse(e);
            } catch (IllegalArgumentException ex) {
                return "entry '" + e + "' " + ex.getMessage();
            }
        }
        return null;
    }

    /** An entry; IllegalArgumentException saying what is wrong with it. Never asks DNS: only literals are parsed as addresses. */
    static Entry parse(String entry) {
        String e = entry.strip().toLowerCase(Locale.ROOT);
        if (e.contains("://")) {
            throw new IllegalArgumentException("is a URL; give its host alone, such as www.example.gov.cn or 127.0.0.1");
        }
        int slash = e.indexOf('/');
        String address = slash < 0 ? e : e.substring(0, slash);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        boolean literal = address.contains(":") || NUMERIC.matcher(address).matches();
        if (!literal) {
            if (slash >= 0) {
                throw new IllegalArgumentException("has a /prefix but '" + address + "' is not an IP address; write a range as 10.1.0.0/16 or fd00::/8");
            }
            if (!HOST_NAME.matcher(e).matches() || e.length() > 253) {
                throw new IllegalArgumentException("is not a host name, IP address or CIDR range; write www.example.gov.cn, *.example.gov.cn, "
                        + "127.0.0.1, ::1 or 10.1.0.0/16 (non-ASCII names in their xn-- form)");
            }
            return new HostName(e);
        }
        byte[] bytes = literalBytes(address);
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = e.substring(slash + 1);
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
                throw new IllegalArgumentException("has prefix length '" + p + "'; it must be a number from 0 to " + bits);
            }
            prefix = Integer.parseInt(p);
            byte[] masked = bytes.clone();
            for (int i = 0; i < masked.length; i++) {
                int keep = Math.max(0, Math.min(8, prefix - i * 8));
                masked[i] = (byte) (masked[i] & ((0xff << (8 - keep)) & 0xff));
            }
            if (!Arrays.equals(masked, bytes)) {
                String base = addressText(masked);
                throw new IllegalArgumentException("has bits set after its /" + prefix + " prefix; the range is written " + base + "/" + prefix);
            }
        }
        return new Cidr(bytes, prefix, e);
    }

    /** The bytes of an IPv4 dotted quad or an IPv6 literal, without a DNS lookup. */
    private static byte[] literalBytes(String address) {
        if (!address.contains(":")) {
            if (!IPV4.matcher(address).matches() || Arrays.stream(address.split("\\.")).anyMatch(o -> Integer.parseInt(o) > 255)) {
                throw new IllegalArgumentException("is not an IPv4 address: write four numbers from 0 to 255 separated by dots, such as 127.0.0.1");
            }
        } else if (!address.matches("[0-9a-f:.]+")) {
            throw new IllegalArgumentException("is not an IPv6 address; write one such as ::1 or fd00::/8 (no zone)");
        }
        byte[] bytes;
        try {
            // A literal (checked above: digits and dots, or hex and colons) is parsed, never looked up.
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException ex) {
            throw new IllegalArgumentException("is not an IPv6 address; write one such as ::1 or fd00::/8 (no zone)");
        }
        if (address.contains(":") && bytes.length == 4) {
            // Java reads ::ffff:a.b.c.d as the IPv4 address, and so does the check of a resolved address.
            throw new IllegalArgumentException("is an IPv4-mapped IPv6 address; write the IPv4 address or range, such as 127.0.0.1 or 10.0.0.0/8");
        }
        return bytes;
    }

    private static String addressText(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException ex) {
            throw new IllegalStateException("4 or 16 bytes always make an address", ex);
        }
    }

    private static Named named(String what, String cidr) {
        return new Named(what, (Cidr) parse(cidr));
    }

    /**
     * Why {@code uri} must not be fetched, or empty when it may be. The first refusal of a host is
     * logged (WARN, naming the key that lets it through).
     */
    public Optional<String> refusal(URI uri) {
        Optional<String> reason = reason(uri);
        String host = uri.getHost() == null ? String.valueOf(uri.getRawAuthority()) : uri.getHost();
        if (reason.isPresent() && logged.add(host.toLowerCase(Locale.ROOT))) {
            LOG.warn("Not fetching {}: {}. Requests to this host are refused from now on (logged once per host); "
                    + "if the connector must read it, add the host to {}", uri, reason.get(), ALLOWED_KEY);
        }
        return reason;
    }

    /**
     * Why {@code uri} is refused when its host is an IP address, known without asking DNS (for a
     * configuration's validation); empty for a host name, and not logged.
     */
    public Optional<String> literalRefusal(URI uri) {
        return uri.getHost() != null && literal(host(uri)) ? reason(uri) : Optional.empty();
    }

    private Optional<String> reason(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("the scheme is " + (scheme.isEmpty() ? "missing" : scheme) + ", not http or https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("the URL has no host");
        }
        String host = host(uri);
        for (Entry d : denied) {
            if (d.matchesName(host)) {
                return Optional.of("the host matches " + d + " in " + DENIED_KEY);
            }
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.empty(); // the request fails on its own, as a dead link; nothing is reached
        }
        for (InetAddress a : addresses) {
            for (Entry d : denied) {
                if (d.matches(a) || d.matches(unwrapped(a))) {
                    return Optional.of(host + (literal(host) ? " is" : " resolves to " + a.getHostAddress() + ",") + " in " + d + " of " + DENIED_KEY);
                }
            }
        }
        if (allowed.stream().anyMatch(e -> e.matchesName(host))) {
            return Optional.empty();
        }
        for (InetAddress a : addresses) {
            InetAddress plain = unwrapped(a);
            if (allowed.stream().anyMatch(e -> e.matches(a) || e.matches(plain))) {
                continue;
            }
            for (Named r : REFUSED_RANGES) {
                if (r.range().matches(plain)) {
                    return Optional.of(host + (literal(host) ? " is " : " resolves to " + a.getHostAddress() + ", ")
                            + r.what() + " (" + r.range() + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean literal(String host) {
        return host.contains(":") || IPV4.matcher(host).matches();
    }

    /** The host in lower case, without the brackets of an IPv6 literal or the root's trailing dot. */
    private static String host(URI uri) {
        String h = uri.getHost().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /**
     * The IPv4 address an IPv6 address carries, for the IPv6 forms that reach it: IPv4-mapped
     * (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4
     * (2002:aabb:ccdd::/48, the address in bits 16 to 48); else the address itself.
     */
    static InetAddress unwrapped(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1));
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        boolean sixToFour = b[0] == 0x20 && b[1] == 0x02;
        if (!mapped && !compatible && !nat64 && !sixToFour) {
            return address;
        }
        int from = sixToFour ? 2 : 12;
        try {
            return Inet4Address.getByAddress(Arrays.copyOfRange(b, from, from + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes always make an address", e);
        }
    }
}
