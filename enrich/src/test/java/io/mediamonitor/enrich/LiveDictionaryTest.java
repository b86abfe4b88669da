package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.enrich.tagging.Dictionary;
import io.mediamonitor.enrich.tagging.DictionaryYaml;
import io.mediamonitor.model.Alias;
import io.mediamonitor.model.DictionaryEntry;
import io.mediamonitor.model.KeywordTag;
import io.mediamonitor.schema.Terms;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveDictionaryTest {

    private static Dictionary withFile(String yaml) throws Exception {
        return Dictionary.builtIn().withEntries(DictionaryYaml.load(new ByteArrayInputStream(
                yaml.getBytes(StandardCharsets.UTF_8)), "user.yaml"));
    }

    private static List<String> keywords(LiveDictionary live, String text) {
        return live.tagger().tag(text).keywords().stream().map(KeywordTag::getKeyword).toList();
    }

    @Test
    void aBareWatchedKeywordDoesNotReplaceTheDictionarysOwn() throws Exception {
        LiveDictionary live = LiveDictionary.over(withFile("keywords:\n  - {keyword: junte, aliases: [junte, junta]}\n"));
        // what watch keyword:junte wrote before it left a known keyword alone, or run with another dictionary file
        live.apply(Terms.keyword("junte"), Dictionary.keywordEntry("junte"));

        assertThat(keywords(live, "La junta au pouvoir")).containsExactly("junte");
        // a keyword the dictionary lacks is added
        live.apply(Terms.keyword("putsch"), Dictionary.keywordEntry("putsch"));
        assertThat(keywords(live, "Un putsch à Niamey")).containsExactly("putsch");
    }

    @Test
    void ofTopicKeysDifferingInCaseTheLastInKeyOrderWinsInEveryProcess() throws Exception {
        LiveDictionary live = LiveDictionary.over(Dictionary.builtIn());
        // written by hand under the README's keyword:TEXT, and by watch under the term's lower case
        live.apply("keyword:putsch", Dictionary.keywordEntry("putsch"));
        live.apply("keyword:Putsch", DictionaryEntry.newBuilder(Dictionary.keywordEntry("Putsch"))
                .setAliases(List.of(new Alias("coup de force", null, false))).build());

        // "keyword:putsch" sorts after "keyword:Putsch": it wins, whatever order the records came in (before, the
        // order of an unordered copy, which differs from one process to the next)
        assertThat(keywords(live, "Un putsch à Niamey")).containsExactly("putsch");
        assertThat(keywords(live, "Un coup de force à Niamey")).isEmpty();
    }
}
