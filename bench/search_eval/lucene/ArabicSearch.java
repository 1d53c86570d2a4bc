// Rank documents with Apache Lucene's ArabicAnalyzer and BM25, as a yardstick
// for the project's own search in search-quality evaluations.
//
//     java -cp LUCENE_JARS:CLASSDIR ArabicSearch DOCS.tsv QUERIES.tsv AND|OR
//
// DOCS.tsv:    id<TAB>title<TAB>summary<TAB>body   (one document a line)
// QUERIES.tsv: id<TAB>query                        (one query a line)
// Output:      id<TAB>total_hits<TAB>top ids, best first, space-separated (at most 10)
//
// Needs lucene-core, lucene-analyzers-common and lucene-queryparser (Lucene 8).
// bench/lucene_arabic.py writes the files, compiles and runs this program.

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

public final class ArabicSearch {
    private static final int TOP = 10;
    private static final String[] FIELDS = {"title", "summary", "body"};
    // The same order of importance as the project's search: title, then summary, then body.
    private static final Map<String, Float> BOOSTS = Map.of("title", 2.0f, "summary", 1.5f, "body", 1.0f);

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !(args[2].equals("AND") || args[2].equals("OR"))) {
            System.err.println("usage: java ArabicSearch DOCS.tsv QUERIES.tsv AND|OR");
            System.exit(2);
        }
        QueryParser.Operator operator =
                args[2].equals("AND") ? QueryParser.Operator.AND : QueryParser.Operator.OR;

        // One analyzer for indexing and querying, so both sides normalise and stem alike.
        try (Analyzer analyzer = new ArabicAnalyzer();
                Directory directory = new ByteBuffersDirectory()) {
            index(directory, analyzer, Path.of(args[0]));
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader); // BM25 is the default similarity.
                MultiFieldQueryParser parser = new MultiFieldQueryParser(FIELDS, analyzer, BOOSTS);
                parser.setDefaultOperator(operator);
                // System.out's encoding follows the platform; the caller reads UTF-8.
                Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                for (String[] query : readTsv(Path.of(args[1]), 2)) {
                    out.write(search(searcher, parser, query[0], query[1]));
                    out.write('\n');
                }
                out.flush();
            }
        }
    }

    private static void index(Directory directory, Analyzer analyzer, Path docs) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (String[] row : readTsv(docs, 4)) {
                Document doc = new Document();
                doc.add(new StringField("id", row[0], Field.Store.YES));
                for (int i = 0; i < FIELDS.length; i++) {
                    doc.add(new TextField(FIELDS[i], row[i + 1], Field.Store.NO));
                }
                writer.addDocument(doc);
            }
        }
    }

    private static String search(IndexSearcher searcher, QueryParser parser, String id, String text)
            throws IOException {
        Query query = parse(parser, text);
        if (query == null) {
            return id + "\t0\t";
        }
        // Count every match: the plain search(query, n) stops counting exactly after 1,000.
        TopScoreDocCollector collector = TopScoreDocCollector.create(TOP, Integer.MAX_VALUE);
        searcher.search(query, collector);
        TopDocs top = collector.topDocs();
        StringBuilder line = new StringBuilder(id).append('\t').append(top.totalHits.value).append('\t');
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc hit = top.scoreDocs[i];
            if (i > 0) {
                line.append(' ');
            }
            line.append(searcher.doc(hit.doc).get("id"));
        }
        return line.toString();
    }

    /** The query in Lucene's classic syntax; failing that, its text taken literally; else null. */
    private static Query parse(QueryParser parser, String text) {
        try {
            return parser.parse(text);
        } catch (ParseException syntax) {
            try {
                return parser.parse(QueryParser.escape(text));
            } catch (ParseException stillBad) { // e.g. an empty query
                return null;
            }
        }
    }

    /** The rows of a UTF-8 TSV file, each padded to {@code columns} fields; blank lines skipped. */
    private static List<String[]> readTsv(Path path, int columns) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = i < fields.length ? fields[i] : "";
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
