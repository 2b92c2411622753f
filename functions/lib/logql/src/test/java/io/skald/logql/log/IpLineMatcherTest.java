package io.skald.logql.log;

import static io.skald.logql.log.LineFilterTest.keeps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpLineMatcherTest {

  @Test
  void singleIpv4() {
    assertThat(keeps("|= ip(\"192.168.0.1\")", "client 192.168.0.1 connected")).isTrue();
    assertThat(keeps("|= ip(\"192.168.0.1\")", "client 192.168.0.10 connected")).isFalse();
    assertThat(keeps("|= ip(\"192.168.0.1\")", "192.168.0.1")).isTrue();
    assertThat(keeps("|= ip(\"192.168.0.1\")", "addr=192.168.0.1,port")).isTrue();
    // Runs of address characters are taken whole, as Loki does.
    assertThat(keeps("|= ip(\"192.168.0.1\")", "to 192.168.0.1. done")).isFalse();
    assertThat(keeps("!= ip(\"192.168.0.1\")", "client 192.168.0.1 connected")).isFalse();
    assertThat(keeps("!= ip(\"192.168.0.1\")", "client 10.0.0.1 connected")).isTrue();
    assertThat(keeps("|= ip(\"192.168.0.1\")", "no address")).isFalse();
    assertThat(keeps("|= ip(\"1.2.3.4\")", "01.2.3.4")).isFalse();
  }

  @Test
  void cidrAndRanges() {
    assertThat(keeps("|= ip(\"10.0.0.0/8\")", "from 10.20.30.40")).isTrue();
    assertThat(keeps("|= ip(\"10.0.0.0/8\")", "from 11.20.30.40")).isFalse();
    assertThat(keeps("|= ip(\"192.168.4.5/16\")", "from 192.168.255.1")).isTrue();
    assertThat(keeps("|= ip(\"0.0.0.0/0\")", "x 8.8.8.8")).isTrue();
    assertThat(keeps("|= ip(\"192.168.0.1-192.168.0.10\")", "a 192.168.0.5 b")).isTrue();
    assertThat(keeps("|= ip(\"192.168.0.1-192.168.0.10\")", "a 192.168.0.11 b")).isFalse();
    assertThat(keeps("|= ip(\"192.168.0.1-192.168.0.10\")", "a 192.168.0.10 b")).isTrue();
  }

  @Test
  void ipv6() {
    assertThat(keeps("|= ip(\"::1\")", "from ::1 here")).isTrue();
    assertThat(keeps("|= ip(\"2001:db8::1\")", "from 2001:db8:0:0:0:0:0:1 here")).isTrue();
    assertThat(keeps("|= ip(\"2001:db8::/32\")", "from 2001:db8:ffff::42 here")).isTrue();
    assertThat(keeps("|= ip(\"2001:db8::/32\")", "from 2001:db9::42 here")).isFalse();
    assertThat(keeps("|= ip(\"fe80::1-fe80::ff\")", "x fe80::a0 y")).isTrue();
    assertThat(keeps("|= ip(\"fe80::1-fe80::ff\")", "x fe80::100 y")).isFalse();
    assertThat(keeps("|= ip(\"::ffff:1.2.3.4\")", "m ::ffff:1.2.3.4 n")).isTrue();
    // IPv4 and IPv4-mapped IPv6 are different families.
    assertThat(keeps("|= ip(\"1.2.3.4\")", "m ::ffff:1.2.3.4 n")).isFalse();
    assertThat(keeps("|= ip(\"::ffff:0:0/96\")", "m 1.2.3.4 n")).isFalse();
  }

  @Test
  void addressParsingFollowsNetip() {
    for (String ok :
        new String[] {
          "0.0.0.0",
          "255.255.255.255",
          "::",
          "1::",
          "::1",
          "1:2:3:4:5:6:7:8",
          "1::8",
          "::ffff:10.0.0.1",
          "1:2:3:4:5:6:1.2.3.4",
          "ABCD::ef"
        }) {
      assertThat(IpAddr.parse(ok)).as(ok).isNotNull();
    }
    for (String bad :
        new String[] {
          "",
          "1.2.3",
          "1.2.3.4.5",
          "256.1.1.1",
          "01.1.1.1",
          "1..2.3",
          ":1",
          "1:",
          "1:2:3:4:5:6:7:8:9",
          "1::2::3",
          "12345::",
          "1:2:3:4:5:6:7::8",
          "::1.2.3",
          "1.2.3.4:",
          "g::"
        }) {
      assertThat(IpAddr.parse(bad)).as(bad).isNull();
    }
  }

  @Test
  void invalidPatterns() {
    for (String bad :
        new String[] {
          "1.2.3",
          "10.0.0.0/33",
          "10.0.0.0/08",
          "::/129",
          "1.2.3.5-1.2.3.4",
          "1.2.3.4-::5",
          "1.2.3.4 - 1.2.3.5",
          "x"
        }) {
      assertThatThrownBy(() -> IpPattern.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("ip: invalid pattern");
    }
  }
}
