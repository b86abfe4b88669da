package io.mediamonitor.enrich.tagging;

import io.mediamonitor.model.ActorTag;
import io.mediamonitor.model.CountryTag;
import io.mediamonitor.model.KeywordTag;
import java.util.List;

/** Small readers over {@link Tags} shared by the tagging tests. */
final class TaggingAssertions {

    private TaggingAssertions() {}

    static List<String> codes(Tags tags) {
        return tags.countries().stream().map(CountryTag::getCode).toList();
    }

    static List<String> actors(Tags tags) {
        return tags.actors().stream().map(ActorTag::getId).toList();
    }

    static List<String> keywords(Tags tags) {
        return tags.keywords().stream().map(KeywordTag::getKeyword).toList();
    }

    static CountryTag country(Tags tags, String code) {
        return tags.countries().stream().filter(c -> c.getCode().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no country " + code + " in " + tags));
    }

    static ActorTag actor(Tags tags, String id) {
        return tags.actors().stream().filter(a -> a.getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no actor " + id + " in " + tags));
    }
}
