package io.mediamonitor.tools.evaluation;

/**
 * A synthetic article mentioning a term: when it happened, when the pipeline receives it, which story
 * (after story dedup) and which source.
 *
 * @param eventTime   publication time, epoch ms (windows use it)
 * @param arrivalTime when the pipeline sees it, epoch ms (processing order; late when well after eventTime)
 * @param story       story id after dedup: copies and syndications of one story share it
 * @param source      source id
 */
public record SimArticle(long eventTime, long arrivalTime, long story, int source) {

    public static SimArticle onTime(long eventTime, long story, int source) {
        return new SimArticle(eventTime, eventTime, story, source);
    }
}
