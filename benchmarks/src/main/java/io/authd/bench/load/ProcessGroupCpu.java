package io.authd.bench.load;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU used by every process whose executable path contains some text (e.g. all of PostgreSQL's processes: the
 * backends serving authd come and go with its pool), so that a run can say what the database cost per request.
 * A process that exits between two readings loses what it used; one that starts between them counts from zero.
 */
final class ProcessGroupCpu {
    private final String executableContains;
    private final Map<Long, Long> start;

    private ProcessGroupCpu(String executableContains) {
        this.executableContains = executableContains;
        this.start = read(executableContains);
    }

    static ProcessGroupCpu start(String executableContains) {
        return new ProcessGroupCpu(executableContains);
    }

    /** CPU nanoseconds the group used since {@link #start}. */
    long usedNanos() {
        long used = 0;
        for (Map.Entry<Long, Long> now : read(executableContains).entrySet()) {
            used += now.getValue() - start.getOrDefault(now.getKey(), 0L);
        }
        return used;
    }

    private static Map<Long, Long> read(String executableContains) {
        Map<Long, Long> cpu = new HashMap<>();
        ProcessHandle.allProcesses().forEach(p -> {
            ProcessHandle.Info info = p.info();
            if (info.command().filter(c -> c.contains(executableContains)).isPresent()) {
                info.totalCpuDuration().map(Duration::toNanos).ifPresent(n -> cpu.put(p.pid(), n));
            }
        });
        return cpu;
    }
}
