package dev.outpost.stack.environment;

import dev.outpost.profiles.resolve.Plan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Groups services into levels: each level depends only on earlier ones, so a level starts in parallel. */
final class StartOrder {
    private StartOrder() {
    }

    static List<List<Plan.Service>> levels(List<Plan.Service> services) {
        Set<String> names = new HashSet<>();
        services.forEach(s -> names.add(s.name()));
        List<List<Plan.Service>> levels = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<Plan.Service> left = new ArrayList<>(services);
        while (!left.isEmpty()) {
            List<Plan.Service> level = left.stream()
                    .filter(s -> s.dependsOn().stream().filter(names::contains).allMatch(placed::contains)).toList();
            if (level.isEmpty()) {
                throw new IllegalArgumentException("dependency cycle among " + left.stream().map(Plan.Service::name).toList());
            }
            levels.add(level);
            level.forEach(s -> placed.add(s.name()));
            left.removeAll(level);
        }
        return levels;
    }
}
