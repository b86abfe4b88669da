package io.mediamonitor.tools.bench;

import io.mediamonitor.model.Article;
import io.mediamonitor.schema.Topics;

/** One article as it travels on the raw topic: its key, its Avro bytes, and its publication time (epoch ms). */
record EncodedArticle(String id, byte[] value, long publishedAt) {

    static EncodedArticle of(Article article, Topics topics) {
        return new EncodedArticle(article.getId(),
                topics.articlesRaw().valueSerde().serializer().serialize(topics.articlesRaw().name(), article),
                article.getPublishedAt().toEpochMilli());
    }
}
