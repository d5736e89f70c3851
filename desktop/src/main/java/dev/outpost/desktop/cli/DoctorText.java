package dev.outpost.desktop.cli;

import dev.outpost.stack.doctor.Check;
import dev.outpost.stack.doctor.CheckStatus;
import dev.outpost.stack.doctor.DoctorReport;

/** The human form of a doctor report: a mark per check, its summary, and the fix under it. */
final class DoctorText {
    private final boolean unicode;

    DoctorText(boolean unicode) {
        this.unicode = unicode;
    }

    String render(DoctorReport report) {
        StringBuilder b = new StringBuilder();
        int width = report.checks().stream().mapToInt(c -> c.title().length()).max().orElse(10);
        for (Check c : report.checks()) {
            b.append(' ').append(mark(c.status())).append(' ')
                    .append(String.format("%-" + width + "s", c.title())).append("  ").append(c.summary());
            if (c.required() && !c.status().usable()) {
                b.append("  (required for ").append(report.runtime().id()).append(')');
            }
            b.append('\n');
            c.fixHint().ifPresent(fix -> {
                for (String line : fix.split("\n")) {
                    b.append("     ").append(" ".repeat(width)).append("  ").append(unicode ? "→ " : "-> ")
                            .append(line).append('\n');
                }
            });
        }
        b.append('\n');
        if (report.ready()) {
            b.append("Ready for the ").append(report.runtime().id()).append(" runtime.\n");
        } else {
            b.append("Not ready for the ").append(report.runtime().id()).append(" runtime: fix ")
                    .append(String.join(", ", report.blocking().stream().map(Check::title).toList()))
                    .append(".\n");
        }
        return b.toString();
    }

    private String mark(CheckStatus s) {
        return switch (s) {
            case OK -> unicode ? "✓" : "OK";
            case WARNING -> unicode ? "!" : "!!";
            case MISSING -> unicode ? "✗" : "--";
            case FAILED -> unicode ? "✗" : "XX";
        };
    }
}
