package io.ordersaga.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
class ProcStatTest {

    @Test
    void readsThisJvmsOwnStat() {
        var self = ProcessHandle.current();

        var stat = ProcStat.read(self.pid()).orElseThrow();

        assertThat(stat.pid()).isEqualTo(self.pid());
        assertThat(stat.parentPid()).isEqualTo(self.parent().orElseThrow().pid());
        assertThat(stat.command()).isEqualTo("java");
        // Starting a JVM and running JUnit takes far more than a tick of CPU.
        assertThat(stat.userTicks() + stat.systemTicks()).isPositive();
        assertThat(stat.totalTicks()).isGreaterThanOrEqualTo(stat.userTicks() + stat.systemTicks());
    }

    @Test
    void readsACommandWithSpacesAndParenthesesUpToItsLastParenthesis(@TempDir Path directory) throws IOException {
        // The kernel names a process after the file it executes: here "sl ep) (x", a copy of sleep.
        Path oddlyNamed =
                Files.copy(Path.of("/bin/sleep"), directory.resolve("sl ep) (x"), StandardCopyOption.COPY_ATTRIBUTES);
        Process sleeping = new ProcessBuilder(oddlyNamed.toString(), "60").start();
        try {
            var stat = ProcStat.read(sleeping.pid()).orElseThrow();

            assertThat(stat.pid()).isEqualTo(sleeping.pid());
            assertThat(stat.command()).isEqualTo("sl ep) (x");
            assertThat(stat.parentPid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(stat.childrenUserTicks()).isZero();
        } finally {
            sleeping.destroyForcibly();
        }
    }

    @Test
    void takesTheTimesFromFieldsFourteenToSeventeen() {
        var stat = ProcStat.parse("4711 (a (b) c) S 1 4711 4711 0 -1 4194560 1 2 3 4 250 30 7 9 20 0 1 0 5 6 7");

        assertThat(stat.command()).isEqualTo("a (b) c");
        assertThat(stat.parentPid()).isEqualTo(1);
        assertThat(stat.userTicks()).isEqualTo(250);
        assertThat(stat.systemTicks()).isEqualTo(30);
        assertThat(stat.childrenUserTicks()).isEqualTo(7);
        assertThat(stat.childrenSystemTicks()).isEqualTo(9);
        assertThat(stat.totalTicks()).isEqualTo(296);
    }

    @Test
    void aProcessThatIsGoneHasNoStat() throws IOException, InterruptedException {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();

        assertThat(ProcStat.read(ended.pid())).isEmpty();
    }

    @Test
    void rejectsALineWithoutACommand() {
        assertThatThrownBy(() -> ProcStat.parse("4711 S 1 2 3")).isInstanceOf(IllegalArgumentException.class);
    }
}
