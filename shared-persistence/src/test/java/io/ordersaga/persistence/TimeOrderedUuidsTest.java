package io.ordersaga.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedUuidsTest {

    private static final Instant PLACED = Instant.parse("2026-12-07T10:15:30.123Z");

    @Test
    void anIdIsAVersion7UuidOfTheRfc9562Variant() {
        UUID id = TimeOrderedUuids.next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void anIdCarriesTheMillisecondOfTheClockItWasMadeWith() {
        UUID id = TimeOrderedUuids.next(Clock.fixed(PLACED, ZoneOffset.UTC));

        assertThat(TimeOrderedUuids.unixMillis(id)).isEqualTo(PLACED.toEpochMilli());
        assertThat(id.toString())
                .startsWith(String.format("%08x-%04x-7", PLACED.toEpochMilli() >>> 16, PLACED.toEpochMilli() & 0xFFFF));
    }

    @Test
    void idsMadeInLaterMillisecondsSortAfterEarlierOnesAsStringsAndAsPostgresqlComparesThem() {
        var random = new SplittableRandom(7);
        List<UUID> ids = new ArrayList<>();
        for (long millis = PLACED.toEpochMilli(); millis < PLACED.toEpochMilli() + 1_000; millis++) {
            ids.add(TimeOrderedUuids.of(millis, random));
        }

        // PostgreSQL orders uuid values by their bytes, unsigned: as their hexadecimal strings sort.
        assertThat(ids.stream().map(UUID::toString).toList()).isSorted();
        assertThat(ids).isSorted();
    }

    @Test
    void idsMadeInTheSameMillisecondDifferInTheirRandomBits() {
        var ids = new HashSet<UUID>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedUuids.next(Clock.fixed(PLACED, ZoneOffset.UTC)));
        }

        assertThat(ids).hasSize(10_000);
    }

    @Test
    void theLastMillisecondTheFieldHoldsStillMakesAnId() {
        UUID id = TimeOrderedUuids.of(TimeOrderedUuids.MAX_UNIX_MILLIS, new SplittableRandom(1));

        assertThat(TimeOrderedUuids.unixMillis(id)).isEqualTo(TimeOrderedUuids.MAX_UNIX_MILLIS);
        assertThat(id.version()).isEqualTo(7);
    }

    @Test
    void timesOutsideTheFortyEightBitFieldAreRefused() {
        var random = new SplittableRandom(1);

        assertThatThrownBy(() -> TimeOrderedUuids.of(-1, random)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeOrderedUuids.of(TimeOrderedUuids.MAX_UNIX_MILLIS + 1, random))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 7");
    }

    @Test
    void theTimeOfAnIdOfAnotherVersionIsRefused() {
        assertThatThrownBy(() -> TimeOrderedUuids.unixMillis(UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 4");
    }
}
