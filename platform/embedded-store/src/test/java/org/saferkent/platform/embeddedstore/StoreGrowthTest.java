package org.saferkent.platform.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 store's file grows with the documents it holds, not with the commits that wrote them: written as
 * the services write (single acknowledged writes from four writers, inserts, updates and deletes), the file
 * stays within a small multiple of the documents' own size. It was over a hundred times their size when
 * H2 kept every chunk for 45 seconds: with a commit per write, the file was 45 seconds of rewritten pages.
 */
class StoreGrowthTest {

    @TempDir
    Path dir;

    @Test
    void theFileStaysWithinASmallMultipleOfTheDocumentsItHolds() throws Exception {
        StoreGrowth.Result result = StoreGrowth.run(dir.resolve("store.mv.db"), 600, 4, 600, line -> { });
        System.out.println("StoreGrowthTest: " + result);

        assertThat(result.logicalBytes()).as("the documents written are there").isGreaterThan(300_000);
        assertThat(result.fileBytesPerLogicalKb())
                .as("file bytes per KB of live documents (%s)", result)
                .isLessThan(BOUND);
    }

    /** File bytes per KB of documents: 11-17 KB here (the writes of the last 250 ms are kept until the file is forced to disk, which weighs at 600 referrals; about 4 KB at 3,000, under 3 KB at 20,000), 180 KB before the fix. */
    private static final double BOUND = 40 * 1024;
}
