package io.mediamonitor.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void idIsTheFirst32HexCharactersOfSha256() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertThat(ArticleIds.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223");
    }

    @Test
    void fingerprintOfAnIdIsItsFirst64Bits() {
        assertThat(ArticleIds.fingerprint("ba7816bf8f01cfea414140de5dae2223")).isEqualTo(0xba7816bf8f01cfeaL);
        assertThat(ArticleIds.fingerprint("not-hex")).isEqualTo(ArticleIds.fingerprint("not-hex"));
        assertThat(ArticleIds.fingerprint("not-hex")).isNotEqualTo(ArticleIds.fingerprint("not-hex2"));
    }
}
