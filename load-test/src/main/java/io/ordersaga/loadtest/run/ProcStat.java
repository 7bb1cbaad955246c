package io.ordersaga.loadtest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields of {@code /proc/<pid>/stat} the CPU accounting needs (proc(5)); times in clock ticks.
 *
 * @param pid field 1
 * @param command field 2, the executable's name as the kernel keeps it (at most 15 characters)
 * @param parentPid field 4
 * @param userTicks field 14, utime
 * @param systemTicks field 15, stime
 * @param childrenUserTicks field 16, cutime: the user time of the children this process waited for
 * @param childrenSystemTicks field 17, cstime
 */
record ProcStat(
        long pid,
        String command,
        long parentPid,
        long userTicks,
        long systemTicks,
        long childrenUserTicks,
        long childrenSystemTicks) {

    /**
     * The stat of {@code pid}; empty when the process is gone (or {@code /proc} is not there). A
     * process may end between listing it and reading it: that is not an error.
     */
    static Optional<ProcStat> read(long pid) {
        try {
            return Optional.of(parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses one stat line. The command is in parentheses and may itself contain spaces and
     * parentheses, so the fields after it are counted from the last {@code ')'}.
     */
    static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        // After the command: field 3 (state) is rest[0], so field n is rest[n - 3].
        String[] rest = line.substring(close + 1).trim().split("\\s+");
        if (rest.length < 15) {
            throw new IllegalArgumentException("too few fields in /proc/<pid>/stat: " + line);
        }
        return new ProcStat(
                Long.parseLong(line.substring(0, open).trim()),
                line.substring(open + 1, close),
                Long.parseLong(rest[4 - 3]),
                Long.parseLong(rest[14 - 3]),
                Long.parseLong(rest[15 - 3]),
                Long.parseLong(rest[16 - 3]),
                Long.parseLong(rest[17 - 3]));
    }

    /**
     * This process's own time and the time of the children it has waited for. Summed over the live
     * processes of a tree it counts every process once: a child's time reaches its parent's children
     * time only when the child has ended and been waited for.
     */
    long totalTicks() {
        return userTicks + systemTicks + childrenUserTicks + childrenSystemTicks;
    }
}
