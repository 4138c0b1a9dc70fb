package com.micromall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module owns the tables its migrations create, and only its own code names them in SQL: another module asks
 * the owner's API or keeps what it needs from the owner's events in tables of its own. Otherwise a module's tables
 * could not change without breaking pages of modules that never declared a dependency on them.
 *
 * <p>A table's owner is the module of the migration that creates it: the folder under {@code db/migration} or
 * {@code db/vendor/<database>} ({@code distribution/ledger} is {@code distribution.ledger}), or for a file in the
 * root folder the module its name starts with ({@code V9__order_orders.sql}). Nested modules own their tables
 * like any other module, so the parent {@code distribution} and the siblings may not name them either.
 *
 * <p>The framework's tables (Spring Session's, ShedLock's, Spring Modulith's {@code event_publication}) belong to
 * {@code shared}, and every module uses them only through those libraries, which carry their own SQL: no module's
 * code, {@code shared}'s included, names them.
 *
 * <p>The check reads each module's main Java sources: the SQL in its string literals and text blocks (a table
 * named after FROM, JOIN, INTO, UPDATE, TABLE, USING or TRUNCATE, and the tables of a comma-separated FROM list)
 * and the table names in its JPA mapping annotations.
 */
class TableOwnershipTests {

    private static final Path SOURCES = Path.of("src", "main", "java", "com", "micromall");
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db");

    /** Migrations in the root folder that set up a library's tables, by the prefix of their name. */
    private static final Map<String, String> FRAMEWORK_PREFIXES = Map.of("modulith", "shared");

    private static final Set<String> FRAMEWORK_TABLES = Set.of("spring_session", "spring_session_attributes",
            "shedlock", "event_publication");

    /**
     * Tables created by one module's migration and since then written and read by another module only, which owns
     * them, as {@code table → module}. The commission snapshot is created with the ledger's tables but is the policy's:
     * each placed order's terms, frozen, which the ledger books money from through the policy's API. The device and
     * network sightings are created by ledger migrations (with ledger tables in the same files) but are the abuse
     * guard's: only {@code distribution.abuse} records and compares them. Which refunds were handled is created with
     * the ledger's tables but is crediting's: only {@code distribution.crediting} records a refund once before taking
     * its share back.
     */
    private static final Map<String, String> HANDED_OVER = Map.of(
            "commission_snapshot", "distribution.policy", "commission_snapshot_line", "distribution.policy",
            "customer_device", "distribution.abuse", "customer_network", "distribution.abuse",
            "commission_refund_handled", "distribution.crediting");

    /**
     * Known trespasses still waiting for their owner's API or for events, as {@code file → table}. The list only
     * shrinks: the test fails when a new one appears and when one of these is gone but still listed.
     */
    private static final Set<String> KNOWN_TRESPASSES = Set.of();

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(?-i)([a-z_][a-z0-9_]*)");
    private static final Pattern DROP_TABLE = Pattern.compile(
            "(?i)\\bdrop\\s+table\\s+(?:if\\s+exists\\s+)?(?-i)([a-z_][a-z0-9_]*)");
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__([a-z]+)_.*\\.(?:sql|java)");

    /** A keyword of SQL followed by a table name; keywords in any case, table names in lower case as we write them. */
    private static final Pattern NAMED_TABLE = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|table|using|truncate)\\s+(?:only\\s+)?(?:if\\s+(?:not\\s+)?exists\\s+)?"
                    + "(?-i)(?:[a-z_][a-z0-9_]*\\.)?([a-z_][a-z0-9_]*)");
    /** The next table of a comma-separated FROM list, after a table and its optional alias. */
    private static final Pattern NEXT_IN_LIST = Pattern.compile(
            "\\G(?:\\s+(?i:as\\s+)?[A-Za-z_][A-Za-z0-9_]*)?\\s*,\\s*(?:[a-z_][a-z0-9_]*\\.)?([a-z_][a-z0-9_]*)");
    private static final Pattern MAPPED_TABLE = Pattern.compile(
            "@(?:Table|JoinTable|CollectionTable|SecondaryTable)\\s*\\([^)]*?\\bname\\s*=\\s*\"([a-z_][a-z0-9_]*)\"");
    private static final Pattern MODULE_ANNOTATION = Pattern.compile("@(?:org\\.springframework\\.modulith\\.)?ApplicationModule\\b");

    @Test
    void everyMigrationBelongsToAModuleAndEveryTableHasOneOwner() {
        Set<String> modules = modules();
        List<String> problems = new ArrayList<>();
        Map<String, String> owners = new TreeMap<>();
        for (Migration migration : migrations()) {
            if (!modules.contains(migration.module())) {
                problems.add(migration.path() + " belongs to no module (" + migration.module() + ")");
            }
            for (String table : migration.created()) {
                String earlier = owners.putIfAbsent(table, migration.module());
                if (earlier != null && !earlier.equals(migration.module())) {
                    problems.add(table + " is created by " + earlier + " and by " + migration.module());
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(owners).containsKeys("customer", "shop_order", "distributor", "commission_entry", "withdrawal",
                "report_order", "care_staff", "shedlock", "event_publication");
        // One by one: AssertJ refuses an empty array of keys, and nothing may be handed over.
        HANDED_OVER.keySet().forEach(table -> assertThat(owners).as("handed over, so created").containsKey(table));
    }

    @Test
    void noModuleNamesAnotherModulesTablesInItsSql() {
        Map<String, String> owners = tableOwners();
        Set<String> modules = modules();
        Set<String> found = new TreeSet<>();
        List<String> described = new ArrayList<>();
        for (Path file : javaSources()) {
            String module = moduleOf(file, modules);
            String relative = SOURCES.relativize(file).toString().replace('\\', '/');
            for (String table : namedTables(read(file))) {
                String owner = owners.get(table);
                if (owner == null) {
                    continue;
                }
                boolean trespass = FRAMEWORK_TABLES.contains(table) || !owner.equals(module);
                if (trespass && found.add(relative + " → " + table)) {
                    described.add(module + ": " + relative + " → " + table + " (" + owner + ")");
                }
            }
        }
        List<String> fresh = described.stream()
                .filter(line -> !KNOWN_TRESPASSES.contains(line.substring(line.indexOf(": ") + 2, line.lastIndexOf(" ("))))
                .toList();
        assertThat(fresh).as("SQL naming another module's tables; ask that module's API or keep the facts from its events")
                .isEmpty();
        assertThat(KNOWN_TRESPASSES.stream().filter(known -> !found.contains(known)).sorted().toList())
                .as("gone from the code, so remove them from KNOWN_TRESPASSES").isEmpty();
    }

    @Test
    void theCheckSeesSqlInLiteralsTextBlocksAndMappings() {
        String source = """
                class Example {
                    // SELECT * FROM commented_out
                    @Table(name = "mapped")
                    String a = "SELECT x FROM first f, second s JOIN third t ON t.id = f.id WHERE EXTRACT(EPOCH FROM at) > 0";
                    String b = \"""
                            INSERT INTO fourth (id) VALUES (1);
                            UPDATE public.fifth SET n = 1 WHERE id IN (SELECT id FROM sixth);
                            DELETE FROM seventh ORDER BY a, b\""";
                    String c = "SELECT 1 " + "FROM eighth";
                    String d = "FROM Entity e";
                }
                """;
        assertThat(namedTables(source)).contains("mapped", "first", "second", "third", "fourth", "fifth", "sixth",
                "seventh", "eighth").doesNotContain("commented_out", "Entity", "b");
    }

    private static Set<String> namedTables(String source) {
        Set<String> tables = new TreeSet<>();
        Matcher mapped = MAPPED_TABLE.matcher(source);
        while (mapped.find()) {
            tables.add(mapped.group(1));
        }
        String sql = String.join(" ", literals(source));
        Matcher named = NAMED_TABLE.matcher(sql);
        while (named.find()) {
            tables.add(named.group(1));
            Matcher next = NEXT_IN_LIST.matcher(sql).region(named.end(), sql.length());
            while (next.find()) {
                tables.add(next.group(1));
                next.region(next.end(), sql.length());
            }
        }
        return tables;
    }

    /** The string literals and text blocks of a Java source, in order, without its comments and char literals. */
    private static List<String> literals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i + 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                literals.add(source.substring(i + 3, end));
                i = end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (source.charAt(j) != quote) {
                    if (source.charAt(j) == '\\') {
                        j++;
                    }
                    text.append(source.charAt(j));
                    j++;
                }
                if (quote == '"') {
                    literals.add(text.toString());
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static Map<String, String> tableOwners() {
        Map<String, String> owners = new TreeMap<>();
        for (Migration migration : migrations()) {
            migration.created().forEach(table -> owners.putIfAbsent(table, migration.module()));
            migration.dropped().forEach(owners::remove);
        }
        owners.putAll(HANDED_OVER);
        return owners;
    }

    private record Migration(Path path, int version, String module, Set<String> created, Set<String> dropped) {
    }

    private static List<Migration> migrations() {
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            return files.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".sql"))
                    .map(TableOwnershipTests::migration)
                    .sorted(Comparator.comparingInt(Migration::version))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Migration migration(Path file) {
        Matcher name = VERSION.matcher(file.getFileName().toString());
        assertThat(name.matches()).as(file + " is named V{n}__{module}_{what}.sql").isTrue();
        Path relative = MIGRATIONS.relativize(file);
        // db/migration/<module…>/file or db/vendor/<database>/<module…>/file
        int first = relative.getName(0).toString().equals("vendor") ? 2 : 1;
        String module = relative.getNameCount() - 1 > first
                ? relative.subpath(first, relative.getNameCount() - 1).toString().replace('\\', '/').replace('/', '.')
                : FRAMEWORK_PREFIXES.getOrDefault(name.group(2), name.group(2));
        String sql = read(file).replaceAll("--[^\n]*", "");
        return new Migration(relative, Integer.parseInt(name.group(1)), module, matches(CREATE_TABLE, sql),
                matches(DROP_TABLE, sql));
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** The modules, as Spring Modulith names them: the packages whose package-info is an {@code @ApplicationModule}. */
    private static Set<String> modules() {
        Set<String> modules = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.getFileName().toString().equals("package-info.java"))
                    .filter(file -> MODULE_ANNOTATION.matcher(read(file)).find())
                    .forEach(file -> modules.add(SOURCES.relativize(file.getParent()).toString().replace('\\', '/')
                            .replace('/', '.')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modules;
    }

    private static String moduleOf(Path file, Set<String> modules) {
        String pkg = SOURCES.relativize(file.getParent()).toString().replace('\\', '/').replace('/', '.');
        return modules.stream().filter(module -> pkg.equals(module) || pkg.startsWith(module + "."))
                .max(Comparator.comparingInt(String::length))
                .orElse("(the application)");
    }

    private static List<Path> javaSources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
