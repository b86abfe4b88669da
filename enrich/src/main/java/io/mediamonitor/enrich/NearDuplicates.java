package io.mediamonitor.enrich;

import java.util.Optional;

/**
 * Finds the story an article's text belongs to among those already seen: the candidates sharing a band of its
 * {@link StorySignature}, and of those the one whose text contains the most of the shorter text's shingles,
 * if that share reaches {@link #minContainment}. The enrich topology joins stories by it ({@link StoryDeduplicator}
 * with its {@link StoryIndex}); measured by the tools' near-duplicate evaluation.
 *
 * @param minContainment the estimated share of the shorter text's shingles the other must hold
 * @param minShingles    texts with fewer shingles join only an identical text (a headline alone says too little)
 */
public record NearDuplicates(double minContainment, int minShingles) {

    /** A story an article may join: its id and its first article's signature. */
    public interface Candidate {
        String id();

        StorySignature signature();
    }

    /** Where stories are looked up: which story holds a band. */
    public interface Index {
        /** The story indexed under this band key, or null. */
        Candidate storyWithBand(long bandKey);
    }

    public static NearDuplicates defaults() {
        // the best F1 on one half of the corpus evaluation (NearDuplicateEvaluation) among 0.30-0.50, with the
        // index enrich keeps (a story found by its first article's bands); reported on the other half
        return new NearDuplicates(0.40, 12);
    }

    /** The story of {@code signature} among those in {@code index}, if one is close enough. */
    public Optional<String> storyOf(StorySignature signature, Index index) {
        String best = null;
        double bestContainment = 0;
        for (int band = 0; band < StorySignature.BANDS; band++) {
            Candidate candidate = index.storyWithBand(signature.bandKey(band));
            if (candidate == null || candidate.id().equals(best)) {
                continue;
            }
            StorySignature other = candidate.signature();
            boolean same = sameText(signature, other);
            double c = same ? 1 : signature.containment(other);
            // a short text's estimated containment reaches 1 by chance: it joins only the same text
            boolean enough = same || Math.min(signature.shingles(), other.shingles()) >= minShingles;
            if (enough && c >= minContainment && c > bestContainment) {
                best = candidate.id();
                bestContainment = c;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean sameText(StorySignature a, StorySignature b) {
        return a.shingles() == b.shingles() && a.jaccard(b) == 1;
    }

    /**
     * An index in memory, for the evaluation: enrich's {@link StoryIndex} over stories added in the order they
     * open (the order stands for their start); a story added again keeps its first signature.
     */
    public static final class InMemory implements Index {
        private final StoryIndex bands = new StoryIndex();
        private long opened;

        public void add(String storyId, StorySignature signature) {
            if (bands.story(storyId) == null) {
                bands.add(storyId, opened++, signature);
            }
        }

        @Override
        public Candidate storyWithBand(long bandKey) {
            return bands.withBand(bandKey);
        }
    }
}
