package dev.yuqing.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The classification of URLs by their resolved addresses. Names resolve through a map here, never
 * DNS, and nothing connects anywhere; IP literals are parsed by the JDK, which asks no one.
 */
class AddressPolicyTest {
    private final Map<String, InetAddress[]> dns = new HashMap<>();

    private AddressPolicy policy(String allowed, String denied) {
        return AddressPolicy.of(allowed, denied, host -> {
            InetAddress[] a = dns.get(host);
            if (a != null) {
                return a;
            }
            if (host.contains(":") || host.matches("[0-9.]+")) {
                return InetAddress.getAllByName(host); // a literal: parsed, not looked up
            }
            throw new UnknownHostException(host);
        });
    }

    private void resolves(String host, String... addresses) throws UnknownHostException {
        InetAddress[] a = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            a[i] = InetAddress.getByName(addresses[i]); // literals
        }
        dns.put(host, a);
    }

    private static Optional<String> refusal(AddressPolicy p, String url) {
        return p.refusal(URI.create(url));
    }

    @Test
    void everyRangeThatIsNotPublicIsRefused() {
        AddressPolicy p = policy("", "");
        Map<String, String> refused = Map.ofEntries(
                Map.entry("0.0.0.0", "an any-local (this network) address (0.0.0.0/8)"),
                Map.entry("10.20.30.40", "a private address (10.0.0.0/8)"),
                Map.entry("100.64.0.1", "a shared (carrier-grade NAT) address (100.64.0.0/10)"),
                Map.entry("100.127.255.254", "a shared (carrier-grade NAT) address (100.64.0.0/10)"),
                Map.entry("127.0.0.1", "a loopback address (127.0.0.0/8)"),
                Map.entry("127.0.0.2", "a loopback address (127.0.0.0/8)"),
                Map.entry("169.254.169.254", "a link-local address (169.254.0.0/16)"),
                Map.entry("172.16.0.1", "a private address (172.16.0.0/12)"),
                Map.entry("172.31.255.255", "a private address (172.16.0.0/12)"),
                Map.entry("192.168.1.1", "a private address (192.168.0.0/16)"),
                Map.entry("192.0.0.0", "an IETF protocol assignment address (192.0.0.0/24)"),
                Map.entry("192.0.0.255", "an IETF protocol assignment address (192.0.0.0/24)"),
                Map.entry("192.0.2.0", "a documentation address (192.0.2.0/24)"),
                Map.entry("192.0.2.255", "a documentation address (192.0.2.0/24)"),
                Map.entry("198.18.0.0", "a benchmarking address (198.18.0.0/15)"),
                Map.entry("198.19.255.255", "a benchmarking address (198.18.0.0/15)"),
                Map.entry("198.51.100.0", "a documentation address (198.51.100.0/24)"),
                Map.entry("198.51.100.255", "a documentation address (198.51.100.0/24)"),
                Map.entry("203.0.113.0", "a documentation address (203.0.113.0/24)"),
                Map.entry("203.0.113.255", "a documentation address (203.0.113.0/24)"),
                Map.entry("224.0.0.251", "a multicast address (224.0.0.0/4)"),
                Map.entry("255.255.255.255", "a reserved address (240.0.0.0/4)"),
                Map.entry("[::]", "the any-local address (::/128)"),
                Map.entry("[::1]", "the loopback address (::1/128)"),
                Map.entry("[2001::1]", "a Teredo address (2001::/32)"),
                Map.entry("[2001:0:ffff:ffff:ffff:ffff:ffff:ffff]", "a Teredo address (2001::/32)"),
                Map.entry("[2001:db8::]", "a documentation address (2001:db8::/32)"),
                Map.entry("[2001:db8:ffff:ffff:ffff:ffff:ffff:ffff]", "a documentation address (2001:db8::/32)"),
                Map.entry("[fe80::1]", "a link-local address (fe80::/10)"),
                Map.entry("[fc00::1]", "a unique-local address (fc00::/7)"),
                Map.entry("[fd12:3456::1]", "a unique-local address (fc00::/7)"),
                Map.entry("[fec0::1]", "a site-local address (fec0::/10)"),
                Map.entry("[ff02::1]", "a multicast address (ff00::/8)"));
        refused.forEach((host, what) -> {
            String bare = host.replace("[", "").replace("]", "");
            assertThat(refusal(p, "http://" + host + ":8080/a.html")).as(host).hasValueSatisfying(r ->
                    assertThat(r).isEqualTo(bare + " is " + what));
        });
    }

    @Test
    void publicAddressesJustOutsideTheRangesAreLetThrough() {
        AddressPolicy p = policy("", "");
        for (String host : new String[] {"1.0.0.1", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "126.255.255.255",
                "128.0.0.0", "169.253.255.255", "172.15.255.255", "172.32.0.0", "192.167.255.255", "192.169.0.0", "223.255.255.255",
                "191.255.255.255", "192.0.1.0", "192.0.3.0", "198.17.255.255", "198.20.0.0", "198.51.99.255", "198.51.101.0",
                "203.0.112.255", "203.0.114.0", "[2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff]", "[2001:1::]", "[2001:db7:ffff:ffff:ffff:ffff:ffff:ffff]",
                "[2001:db9::]", "[2001:ffff:a00:1::]", "[2003:a00:1::]", "[2400:3200::1]", "[fbff::1]", "[fe00::1]"}) {
            assertThat(refusal(p, "https://" + host + "/")).as(host).isEmpty();
        }
    }

    @Test
    void ipv6FormsThatCarryAnIpv4AddressAreJudgedByIt() throws Exception {
        AddressPolicy p = policy("", "");
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
        // The JDK turns a mapped literal into IPv4 itself; a resolver may still hand over the IPv6 form.
        dns.put("mapped.example", new InetAddress[] {Inet6Address.getByAddress("mapped.example", mapped, -1)});
        assertThat(refusal(p, "http://mapped.example/")).hasValueSatisfying(r -> assertThat(r).contains("private address (10.0.0.0/8)"));
        assertThat(refusal(p, "http://[::ffff:127.0.0.1]/")).hasValueSatisfying(r -> assertThat(r).contains("loopback address (127.0.0.0/8)"));
        assertThat(refusal(p, "http://[::ffff:7f00:2]/")).hasValueSatisfying(r -> assertThat(r).contains("loopback address (127.0.0.0/8)"));
        assertThat(refusal(p, "http://[::192.168.0.1]/")).as("IPv4-compatible")
                .hasValueSatisfying(r -> assertThat(r).contains("private address (192.168.0.0/16)"));
        assertThat(refusal(p, "http://[64:ff9b::a9fe:a9fe]/")).as("NAT64 of 169.254.169.254")
                .hasValueSatisfying(r -> assertThat(r).contains("link-local address (169.254.0.0/16)"));
        assertThat(refusal(p, "http://[64:ff9b::808:808]/")).as("NAT64 of a public address").isEmpty();
        assertThat(refusal(p, "http://[2002:a00:1::]/")).as("6to4 of 10.0.0.1")
                .hasValueSatisfying(r -> assertThat(r).isEqualTo("2002:a00:1:: is a private address (10.0.0.0/8)"));
        assertThat(refusal(p, "http://[2002:7f00:1:ffff::1]/")).as("6to4 of 127.0.0.1, whatever its last 80 bits")
                .hasValueSatisfying(r -> assertThat(r).contains("loopback address (127.0.0.0/8)"));
        assertThat(refusal(p, "http://[2002:c000:2ff::]/")).as("6to4 of 192.0.2.255")
                .hasValueSatisfying(r -> assertThat(r).contains("documentation address (192.0.2.0/24)"));
        assertThat(refusal(p, "http://[2002:808:808::1]/")).as("6to4 of a public address").isEmpty();
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() throws Exception {
        AddressPolicy p = policy("", "");
        resolves("www.demo.yuqing.invalid", "202.96.134.133", "2400:3200::1");
        resolves("split.demo.yuqing.invalid", "202.96.134.134", "10.0.0.7");
        assertThat(refusal(p, "https://www.demo.yuqing.invalid/tzgg/")).isEmpty();
        assertThat(refusal(p, "https://split.demo.yuqing.invalid/tzgg/")).contains(
                "split.demo.yuqing.invalid resolves to 10.0.0.7, a private address (10.0.0.0/8)");
        assertThat(refusal(p, "https://WWW.Demo.Yuqing.Invalid./")).as("case and the root's dot").isEmpty();
        assertThat(refusal(p, "https://nowhere.demo.yuqing.invalid/")).as("unresolvable: the request fails by itself").isEmpty();
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        AddressPolicy p = policy("", "");
        assertThat(refusal(p, "ftp://202.96.134.133/pub/")).contains("the scheme is ftp, not http or https");
        assertThat(refusal(p, "file:///etc/passwd")).contains("the scheme is file, not http or https");
        assertThat(refusal(p, "gopher://202.96.134.133:70/")).contains("the scheme is gopher, not http or https");
        assertThat(refusal(p, "/relative/path")).contains("the scheme is missing, not http or https");
        assertThat(refusal(p, "HTTPS://202.96.134.133/")).isEmpty();
    }

    @Test
    void allowedEntriesLetAddressesThroughByRangeAddressOrName() throws Exception {
        resolves("intranet.demo.yuqing.invalid", "10.9.8.7");
        resolves("docs.intranet.demo.yuqing.invalid", "10.9.8.8");
        AddressPolicy p = policy("10.1.0.0/16, 127.0.0.1,*.intranet.demo.yuqing.invalid, fd00::/16", "");
        assertThat(refusal(p, "http://10.1.200.3/")).isEmpty();
        assertThat(refusal(p, "http://10.2.0.1/")).contains("10.2.0.1 is a private address (10.0.0.0/8)");
        assertThat(refusal(p, "http://127.0.0.1:8080/")).isEmpty();
        assertThat(refusal(p, "http://[::ffff:127.0.0.1]:8080/")).isEmpty();
        assertThat(refusal(p, "http://127.0.0.2:8080/")).contains("127.0.0.2 is a loopback address (127.0.0.0/8)");
        assertThat(refusal(p, "http://docs.intranet.demo.yuqing.invalid/")).as("a name below *.").isEmpty();
        assertThat(refusal(p, "http://intranet.demo.yuqing.invalid/")).as("*. is the names below, not the name itself")
                .contains("intranet.demo.yuqing.invalid resolves to 10.9.8.7, a private address (10.0.0.0/8)");
        assertThat(refusal(p, "http://[fd00::5]/")).isEmpty();
        assertThat(refusal(p, "http://[fd01::5]/")).contains("fd01::5 is a unique-local address (fc00::/7)");
    }

    @Test
    void deniedEntriesWinOverAllowedOnesAndPublicAddresses() throws Exception {
        resolves("www.demo.yuqing.invalid", "202.96.134.133");
        resolves("cdn.demo.yuqing.invalid", "202.96.128.86");
        AddressPolicy p = policy("127.0.0.0/8, www.demo.yuqing.invalid", "127.0.0.2, www.demo.yuqing.invalid, 202.96.128.0/24");
        assertThat(refusal(p, "http://127.0.0.1/")).isEmpty();
        assertThat(refusal(p, "http://127.0.0.2/")).contains("127.0.0.2 is in 127.0.0.2 of http.denied.hosts");
        assertThat(refusal(p, "https://www.demo.yuqing.invalid/")).contains("the host matches www.demo.yuqing.invalid in http.denied.hosts");
        assertThat(refusal(p, "https://cdn.demo.yuqing.invalid/")).contains(
                "cdn.demo.yuqing.invalid resolves to 202.96.128.86, in 202.96.128.0/24 of http.denied.hosts");
    }

    @Test
    void entriesAreParsedWithoutDnsAndTheirMistakesNamed() {
        assertThat(AddressPolicy.entriesProblem("")).isNull();
        assertThat(AddressPolicy.entriesProblem("127.0.0.1, ::1, [::1], 10.0.0.0/8, fd00::/8, www.example.gov.cn, *.example.gov.cn, localhost,")).isNull();
        assertThat(AddressPolicy.entriesProblem("10.1.0.0/8")).isEqualTo("entry '10.1.0.0/8' has bits set after its /8 prefix; the range is written 10.0.0.0/8");
        assertThat(AddressPolicy.entriesProblem("fd00::1/8")).isEqualTo("entry 'fd00::1/8' has bits set after its /8 prefix; the range is written fd00:0:0:0:0:0:0:0/8");
        assertThat(AddressPolicy.entriesProblem("10.0.0.0/33")).isEqualTo("entry '10.0.0.0/33' has prefix length '33'; it must be a number from 0 to 32");
        assertThat(AddressPolicy.entriesProblem("10.0.0.0/")).isEqualTo("entry '10.0.0.0/' has prefix length ''; it must be a number from 0 to 32");
        assertThat(AddressPolicy.entriesProblem("10.0.0")).isEqualTo(
                "entry '10.0.0' is not an IPv4 address: write four numbers from 0 to 255 separated by dots, such as 127.0.0.1");
        assertThat(AddressPolicy.entriesProblem("fe80::1%eth0")).startsWith("entry 'fe80::1%eth0' is not an IPv6 address");
        assertThat(AddressPolicy.entriesProblem("intranet/16")).isEqualTo(
                "entry 'intranet/16' has a /prefix but 'intranet' is not an IP address; write a range as 10.1.0.0/16 or fd00::/8");
        assertThat(AddressPolicy.entriesProblem("::ffff:10.0.0.1")).isEqualTo(
                "entry '::ffff:10.0.0.1' is an IPv4-mapped IPv6 address; write the IPv4 address or range, such as 127.0.0.1 or 10.0.0.0/8");
        assertThat(AddressPolicy.entriesProblem("http://127.0.0.1/")).isEqualTo(
                "entry 'http://127.0.0.1/' is a URL; give its host alone, such as www.example.gov.cn or 127.0.0.1");
        assertThat(AddressPolicy.entriesProblem("www.example.gov.cn, intra net")).isEqualTo("entry 'intra net' is not a host name, IP address or CIDR range; "
                + "write www.example.gov.cn, *.example.gov.cn, 127.0.0.1, ::1 or 10.1.0.0/16 (non-ASCII names in their xn-- form)");
    }
}
