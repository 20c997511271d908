package org.salesbench.customers.internal.search;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.packed.PackedInts;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.SearchTerms;

/**
 * The Lucene index of the customer list: one document per customer with its search terms (keyword terms,
 * matched by prefix), the filter fields and doc values for every column of its row (they sort the list and give
 * its rows), so that count, page, id snapshot and rows never touch the database. The index is sorted by name then id:
 * the default list order's first page stops after a page of matches (early termination).
 */
final class CustomerIndex implements Closeable {

    /** Changes when the documents change shape: an index of another schema is rebuilt. */
    static final String SCHEMA = "6"; // 5: the short name sortable; 6: rows read from doc values, nothing stored
    static final String SCHEMA_KEY = "salesbench.schema";
    static final String WATERMARK_KEY = "salesbench.watermark";

    static final String ID = "id";
    static final String TERM = "term";
    /** A customer's folded name ({@code CompanyNames.normalise}), an exact keyword: name look-ups instead of a B-tree index. */
    static final String NORMALIZED_NAME = "normalizedName";
    /** A customer's name as stored, an exact keyword (the {@link #NAME} field holds it as doc values: sort and rows). */
    static final String EXACT_NAME = "exactName";
    static final String GRADE = "grade";
    static final String STATUS = "status";
    static final String OWNER = "owner";
    static final String TAG = "tag";
    static final String FOLLOW_UP = "followUp";
    static final String NAME = "name";
    static final String SHORT_NAME = "shortName";
    static final String INDUSTRY = "industry";
    static final String REGION = "region";
    static final String UPDATED_AT = "updatedAt";
    static final String VERSION = "version";
    /** Doc-values field of a sortable text column (the filter fields above are indexed terms). */
    private static final String SORT = "sort.";

    private static final SortField BY_NAME = stringSort(NAME, false);
    private static final SortField BY_ID = new SortField(ID, SortField.Type.LONG);
    private static final Sort INDEX_SORT = new Sort(BY_NAME, BY_ID);
    /** The writer's buffer of new documents, in MB, but while many come at once ({@link #bulk}). */
    static final double RAM_BUFFER_MB = 64;
    /** The writer's buffer while many documents come at once ({@link #bulk}). */
    static final double BULK_RAM_BUFFER_MB = 128;
    /** Pages reach this deep through the collector; deeper ones slice the id snapshot. */
    private static final int DEEPEST_COLLECTED_PAGE = 20_000;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Global ordinals of a text sort field across segments, kept for the current reader only. */
    private final Map<String, OrdinalMap> ordinalMaps = new HashMap<>();
    private Object ordinalMapsReader;
    /** How many callers have the writer set up for a bulk build ({@link #bulk}). */
    private int bulkWriters;

    private CustomerIndex(Directory directory, IndexWriter writer) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens the index in {@code directory}; {@code create} empties it first. */
    static CustomerIndex open(Directory directory, boolean create) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig();
        config.setOpenMode(create ? OpenMode.CREATE : OpenMode.APPEND);
        config.setIndexSort(INDEX_SORT);
        config.setRAMBufferSizeMB(RAM_BUFFER_MB);
        config.setCommitOnClose(false);
        return new CustomerIndex(directory, new IndexWriter(directory, config));
    }

    /** Whether {@code directory} holds a committed index of the current schema. */
    static boolean isCurrentSchema(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return false;
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return SCHEMA.equals(reader.getIndexCommit().getUserData().get(SCHEMA_KEY));
        }
    }

    /** The newest {@code UPDATED_AT} (epoch nanos) up to which the last commit followed the database. */
    long watermark() {
        for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
            if (WATERMARK_KEY.equals(e.getKey())) {
                return Long.parseLong(e.getValue());
            }
        }
        return Long.MIN_VALUE;
    }

    void put(Collection<IndexedCustomer> customers) throws IOException {
        for (IndexedCustomer c : customers) {
            writer.updateDocument(new Term(ID, Long.toString(c.row().id())), document(c));
        }
    }

    /**
     * Adds without looking for an older document: only for an index being built from empty, or for customers new to the
     * database (a bulk load's, with ids just reserved).
     */
    void add(Collection<IndexedCustomer> customers) throws IOException {
        for (IndexedCustomer c : customers) {
            writer.addDocument(document(c));
        }
    }

    /**
     * Sets the writer up for many documents at once (a bulk load's, a big re-index), or back for a few at a time: a RAM
     * buffer of {@link #BULK_RAM_BUFFER_MB} instead of {@link #RAM_BUFFER_MB}, so fewer and bigger segments are flushed
     * (and merged), and no compound file per flushed segment, which copies every file of the segment once more. Segments
     * written in bulk stay in their plain files; the merges of later ones decide as before.
     */
    synchronized void bulk(boolean bulk) {
        bulkWriters += bulk ? 1 : -1; // a bulk load's indexer and a re-index may overlap: the last to end sets it back
        boolean on = bulkWriters > 0;
        writer.getConfig().setRAMBufferSizeMB(on ? BULK_RAM_BUFFER_MB : RAM_BUFFER_MB);
        writer.getConfig().setUseCompoundFile(!on);
    }

    /**
     * Writes the buffered documents as a segment, without committing it: a bulk load's indexer does it as soon as it has
     * the last document, while the database still builds its own indexes, so that the commit after the load has little
     * left to write. Uncommitted, the segment is dropped by the next opening if the process dies before the commit.
     */
    void flush() throws IOException {
        writer.flush();
    }

    void delete(Collection<Long> ids) throws IOException {
        Term[] terms = ids.stream().map(id -> new Term(ID, Long.toString(id))).toArray(Term[]::new);
        if (terms.length > 0) {
            writer.deleteDocuments(terms);
        }
    }

    /** Makes the changes durable with the database position they reflect, and visible to searches. */
    void commit(long watermark) throws IOException {
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA, WATERMARK_KEY, Long.toString(watermark)).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /**
     * A customer's document. Every value is held once for what it is read by: the search terms, the filter keywords and
     * the id as indexed terms, every column of the row as doc values (which sort the list and give its rows); nothing is
     * stored besides (schema 6: stored copies of the columns made every document cost twice, and an index sorted by name
     * rewrites its stored fields in that order at every flush).
     */
    private static Document document(IndexedCustomer c) {
        CustomerRow row = c.row();
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(row.id()), Store.NO));
        doc.add(new NumericDocValuesField(ID, row.id()));
        doc.add(new NumericDocValuesField(VERSION, row.version()));
        for (Map.Entry<String, Set<String>> source : c.terms().entrySet()) {
            String field = termField(source.getKey());
            for (String term : source.getValue()) {
                doc.add(new StringField(field, term, Store.NO));
            }
        }
        for (String tag : c.tags()) {
            doc.add(new StringField(TAG, tag, Store.NO));
        }
        keyword(doc, NORMALIZED_NAME, c.normalizedName());
        keyword(doc, EXACT_NAME, row.name());
        keyword(doc, GRADE, row.grade());
        keyword(doc, STATUS, row.status().name());
        keyword(doc, OWNER, row.owner());
        sortable(doc, NAME, row.name());
        sortable(doc, GRADE, row.grade());
        sortable(doc, STATUS, row.status().name());
        sortable(doc, INDUSTRY, row.industry());
        sortable(doc, REGION, row.region());
        sortable(doc, OWNER, row.owner());
        sortable(doc, SHORT_NAME, row.shortName());
        if (row.nextFollowUp() != null) {
            long day = row.nextFollowUp().toEpochDay();
            doc.add(new LongPoint(FOLLOW_UP, day));
            doc.add(new NumericDocValuesField(FOLLOW_UP, day));
        }
        if (row.updatedAt() != null) {
            doc.add(new NumericDocValuesField(UPDATED_AT, epochNanos(row.updatedAt())));
        }
        return doc;
    }

    private static void keyword(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StringField(field, value, Store.NO));
        }
    }

    private static void sortable(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new SortedDocValuesField(sortField(field), new BytesRef(value)));
        }
    }

    /** The doc-values field of a text column: the name's own field, the others' {@link #SORT} fields. */
    private static String sortField(String field) {
        return NAME.equals(field) ? NAME : SORT + field;
    }

    static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    // ---- queries

    /**
     * The field of a term source: the customer's name keeps the plain {@link #TERM} field (most terms are its), each
     * other source has its own, so that a search can leave out the sources the user's roles hide.
     */
    static String termField(String source) {
        return SearchTerms.NAME.equals(source) ? TERM : TERM + "." + source;
    }

    /** Every field that holds search terms. */
    static List<String> termFields() {
        return SearchTerms.SOURCES.stream().map(CustomerIndex::termField).toList();
    }

    /** The filter as a query: every criterion must hold; each word of the text is a prefix of one of the customer's terms. */
    static Query query(CustomerFilter filter, LocalDate today) {
        return query(filter, today, Set.of());
    }

    /**
     * The filter as a query, where the words of the text match only terms of sources not in {@code hidden}
     * ({@link SearchTerms#SOURCES}: what the searching user's field rules hide).
     */
    static Query query(CustomerFilter filter, LocalDate today, Set<String> hidden) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        if (filter.text() != null) {
            List<String> fields = SearchTerms.SOURCES.stream().filter(s -> !hidden.contains(s)).map(CustomerIndex::termField).toList();
            for (String word : SearchTerms.queryWords(filter.text())) {
                if (fields.isEmpty()) {
                    return new org.apache.lucene.search.MatchNoDocsQuery();
                }
                BooleanQuery.Builder anySource = new BooleanQuery.Builder();
                for (String field : fields) {
                    anySource.add(new PrefixQuery(new Term(field, word)), Occur.SHOULD);
                }
                all.add(anySource.build(), Occur.FILTER);
                any = true;
            }
        }
        if (!filter.grades().isEmpty()) {
            all.add(anyOf(GRADE, filter.grades()), Occur.FILTER);
            any = true;
        }
        if (!filter.statuses().isEmpty()) {
            all.add(anyOf(STATUS, filter.statuses().stream().map(CustomerStatus::name).toList()), Occur.FILTER);
            any = true;
        }
        if (filter.owner() != null) {
            all.add(new TermQuery(new Term(OWNER, filter.owner())), Occur.FILTER);
            any = true;
        }
        if (filter.tag() != null) {
            all.add(new TermQuery(new Term(TAG, filter.tag())), Occur.FILTER);
            any = true;
        }
        if (filter.followUpOverdue()) {
            all.add(LongPoint.newRangeQuery(FOLLOW_UP, Long.MIN_VALUE, today.toEpochDay() - 1), Occur.FILTER);
            any = true;
        }
        return any ? all.build() : new MatchAllDocsQuery();
    }

    private static Query anyOf(String field, Collection<String> values) {
        BooleanQuery.Builder one = new BooleanQuery.Builder();
        values.forEach(v -> one.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
        return one.build();
    }

    /** How many customers the index holds, its changes so far included (they are made visible to searches first). */
    long liveCount() throws IOException {
        searchers.maybeRefreshBlocking();
        return count(new MatchAllDocsQuery());
    }

    long count(Query query) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.count(query);
        } finally {
            searchers.release(searcher);
        }
    }

    List<CustomerRow> page(Query query, CustomerSort sort, int offset, int limit) throws IOException {
        if (limit <= 0) {
            return List.of();
        }
        // the industry in the labels' order has no doc-values order: ranked over all matches as the deep pages are
        if ((long) offset + limit > DEEPEST_COLLECTED_PAGE || sort.byIndustryLabels()) {
            long[] ids = ids(query, sort);
            int from = (int) Math.min(ids.length, offset);
            return rows(Arrays.copyOfRange(ids, from, (int) Math.min(ids.length, (long) from + limit)));
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            TopFieldDocs top = searcher.search(query, offset + limit, luceneSort(sort));
            int[] docs = new int[Math.max(0, top.scoreDocs.length - offset)];
            for (int i = 0; i < docs.length; i++) {
                docs[i] = top.scoreDocs[offset + i].doc;
            }
            return Arrays.asList(rowsOf(searcher.getIndexReader(), docs));
        } finally {
            searchers.release(searcher);
        }
    }

    private static Sort luceneSort(CustomerSort sort) {
        boolean reverse = !sort.ascending();
        if (sort.column() == CustomerSort.Column.NAME && !reverse) {
            return INDEX_SORT; // the same sort as the index's: the collector stops after a page
        }
        SortField first = switch (sort.column()) {
            case NAME -> stringSort(NAME, true);
            case GRADE, STATUS, INDUSTRY, REGION, OWNER, SHORT_NAME -> stringSort(sortField(field(sort.column())), reverse);
            case NEXT_FOLLOW_UP -> longSort(FOLLOW_UP, reverse);
            case UPDATED_AT -> longSort(UPDATED_AT, reverse);
        };
        return new Sort(first, new SortField(ID, SortField.Type.LONG, reverse));
    }

    private static String field(CustomerSort.Column column) {
        return switch (column) {
            case NAME -> NAME;
            case GRADE -> GRADE;
            case STATUS -> STATUS;
            case INDUSTRY -> INDUSTRY;
            case REGION -> REGION;
            case OWNER -> OWNER;
            case NEXT_FOLLOW_UP -> FOLLOW_UP;
            case UPDATED_AT -> UPDATED_AT;
            case SHORT_NAME -> SHORT_NAME;
        };
    }

    /** Empty values sort after all others ascending and before them descending, as SQL's NULLs do. */
    private static SortField stringSort(String field, boolean reverse) {
        SortField s = new SortField(field, SortField.Type.STRING, reverse);
        s.setMissingValue(SortField.STRING_LAST);
        return s;
    }

    private static SortField longSort(String field, boolean reverse) {
        SortField s = new SortField(field, SortField.Type.LONG, reverse);
        s.setMissingValue(Long.MAX_VALUE);
        return s;
    }

    /**
     * The ids of every match in list order. Collected as (sort key, id) per match: text keys are global ordinals
     * (ordinals order like the values), number keys their rank; then one primitive sort, ties by id.
     */
    long[] ids(Query query, CustomerSort sort) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            boolean text = switch (sort.column()) {
                case NEXT_FOLLOW_UP, UPDATED_AT -> false;
                default -> true;
            };
            String field = text ? sortField(field(sort.column())) : field(sort.column());
            OrdinalMap ordinals = text ? ordinalMap(searcher, field) : null;
            KeyCollector collector = new KeyCollector(field, text, ordinals, searcher.getIndexReader().maxDoc(), ranks(sort));
            searcher.search(query, new CollectorManager<KeyCollector, Void>() {
                @Override
                public KeyCollector newCollector() {
                    return collector;
                }

                @Override
                public Void reduce(Collection<KeyCollector> collectors) {
                    return null;
                }
            });
            return collector.sortedIds(sort.ascending());
        } finally {
            searchers.release(searcher);
        }
    }

    private synchronized OrdinalMap ordinalMap(IndexSearcher searcher, String field) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        if (leaves.size() <= 1) {
            return null;
        }
        Object key = searcher.getIndexReader().getReaderCacheHelper() == null ? searcher.getIndexReader()
                : searcher.getIndexReader().getReaderCacheHelper().getKey();
        if (ordinalMapsReader != key) {
            ordinalMaps.clear();
            ordinalMapsReader = key;
        }
        OrdinalMap map = ordinalMaps.get(field);
        if (map == null) {
            SortedDocValues[] values = new SortedDocValues[leaves.size()];
            for (int i = 0; i < values.length; i++) {
                SortedDocValues v = leaves.get(i).reader().getSortedDocValues(field);
                values[i] = v == null ? org.apache.lucene.index.DocValues.emptySorted() : v;
            }
            map = OrdinalMap.build(null, values, PackedInts.DEFAULT);
            ordinalMaps.put(field, map);
        }
        return map;
    }

    /** The place of each industry code in the labels' order, or {@code null} when the codes' own order is asked for. */
    private static Map<String, Integer> ranks(CustomerSort sort) {
        if (!sort.byIndustryLabels()) {
            return null;
        }
        Map<String, Integer> ranks = new HashMap<>();
        for (String code : sort.industryOrder()) {
            ranks.putIfAbsent(code, ranks.size());
        }
        return ranks;
    }

    /** Gathers a sort key and the id of every match; one instance for all segments (searches run on one thread). */
    private static final class KeyCollector implements Collector {
        private final String field;
        private final boolean text;
        private final OrdinalMap ordinals;
        /** Industry codes' places in the labels' order; a code not there after them all, by its global ordinal. */
        private final Map<String, Integer> ranks;
        private long[] keys;
        private long[] ids;
        private int size;

        KeyCollector(String field, boolean text, OrdinalMap ordinals, int capacity, Map<String, Integer> ranks) {
            this.ranks = ranks;
            this.field = field;
            this.text = text;
            this.ordinals = ordinals;
            this.keys = new long[Math.max(16, capacity)];
            this.ids = new long[keys.length];
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafReader reader = context.reader();
            NumericDocValues idValues = reader.getNumericDocValues(ID);
            SortedDocValues sorted = text ? reader.getSortedDocValues(field) : null;
            NumericDocValues numbers = text ? null : reader.getNumericDocValues(field);
            org.apache.lucene.util.LongValues global = ordinals == null ? null : ordinals.getGlobalOrds(context.ord);
            long[] ranked = null;
            if (ranks != null && sorted != null) {
                ranked = new long[sorted.getValueCount()];
                for (int ord = 0; ord < ranked.length; ord++) {
                    Integer rank = ranks.get(sorted.lookupOrd(ord).utf8ToString());
                    long globalOrd = global == null ? ord : global.get(ord);
                    ranked[ord] = rank != null ? (long) rank << 32 : ((long) ranks.size() << 32) + globalOrd;
                }
            }
            long[] rankOfOrd = ranked;
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    long key = Long.MAX_VALUE; // missing: after every value
                    if (sorted != null && sorted.advanceExact(doc)) {
                        int ord = sorted.ordValue();
                        key = rankOfOrd != null ? rankOfOrd[ord] : global == null ? ord : global.get(ord);
                    } else if (numbers != null && numbers.advanceExact(doc)) {
                        key = numbers.longValue();
                    }
                    idValues.advanceExact(doc);
                    if (size == keys.length) {
                        keys = Arrays.copyOf(keys, size * 2);
                        ids = Arrays.copyOf(ids, size * 2);
                    }
                    keys[size] = key;
                    ids[size++] = idValues.longValue();
                }
            };
        }

        long[] sortedIds(boolean ascending) {
            // rank the keys so that (rank, position) packs into one long and sorts as primitives
            long[] distinct = Arrays.copyOf(keys, size);
            Arrays.sort(distinct);
            int n = 0;
            for (int i = 0; i < distinct.length; i++) {
                if (i == 0 || distinct[i] != distinct[i - 1]) {
                    distinct[n++] = distinct[i];
                }
            }
            long[] packed = new long[size];
            for (int i = 0; i < size; i++) {
                long rank = Arrays.binarySearch(distinct, 0, n, keys[i]);
                packed[i] = ((ascending ? rank : n - 1 - rank) << 32) | i;
            }
            Arrays.sort(packed);
            long[] result = new long[size];
            int runStart = 0;
            for (int i = 0; i < size; i++) {
                result[i] = ids[(int) packed[i]];
                boolean runEnds = i == size - 1 || (packed[i + 1] >>> 32) != (packed[i] >>> 32);
                if (runEnds) {
                    Arrays.sort(result, runStart, i + 1); // ties by id
                    if (!ascending) {
                        reverse(result, runStart, i + 1);
                    }
                    runStart = i + 1;
                }
            }
            return result;
        }

        private static void reverse(long[] a, int from, int to) {
            for (int i = from, j = to - 1; i < j; i++, j--) {
                long t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }
    }

    /** The rows of the given ids in that order; ids not in the index are left out. */
    List<CustomerRow> rows(long[] ids) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            // each id's live document first (ids of the whole reader), then their rows in document order
            Map<Long, Integer> docOf = new HashMap<>(ids.length * 2);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(ID);
                if (terms == null) {
                    continue;
                }
                TermsEnum te = terms.iterator();
                Bits live = leaf.reader().getLiveDocs();
                PostingsEnum postings = null;
                for (long id : ids) {
                    if (docOf.containsKey(id) || !te.seekExact(new BytesRef(Long.toString(id)))) {
                        continue;
                    }
                    postings = te.postings(postings, PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            docOf.put(id, leaf.docBase + doc);
                            break;
                        }
                    }
                }
            }
            int[] docs = docOf.values().stream().mapToInt(Integer::intValue).toArray();
            Map<Long, CustomerRow> found = new HashMap<>(docs.length * 2);
            for (CustomerRow row : rowsOf(searcher.getIndexReader(), docs)) {
                found.put(row.id(), row);
            }
            return inOrder(ids, found);
        } finally {
            searchers.release(searcher);
        }
    }

    /** The rows found of {@code ids}, in the order of {@code ids}, those not found left out. */
    static List<CustomerRow> inOrder(long[] ids, Map<Long, CustomerRow> found) {
        List<CustomerRow> rows = new ArrayList<>(ids.length);
        for (long id : ids) {
            CustomerRow row = found.get(id);
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The {@code UPDATED_AT} (epoch nanos) the index holds for each id, {@code Long.MIN_VALUE} where it holds none. */
    long[] updatedAt(long[] ids) throws IOException {
        long[] stamps = new long[ids.length];
        Arrays.fill(stamps, Long.MIN_VALUE);
        boolean[] found = new boolean[ids.length];
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(ID);
                if (terms == null) {
                    continue;
                }
                TermsEnum te = terms.iterator();
                Bits live = leaf.reader().getLiveDocs();
                PostingsEnum postings = null;
                for (int i = 0; i < ids.length; i++) {
                    if (found[i] || !te.seekExact(new BytesRef(Long.toString(ids[i])))) {
                        continue;
                    }
                    postings = te.postings(postings, PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            NumericDocValues updated = leaf.reader().getNumericDocValues(UPDATED_AT); // fresh: doc ids are not in order
                            found[i] = true;
                            if (updated != null && updated.advanceExact(doc)) {
                                stamps[i] = updated.longValue();
                            }
                            break;
                        }
                    }
                }
            }
            return stamps;
        } finally {
            searchers.release(searcher);
        }
    }

    /** The ids of the customers that have exactly this search term. */
    long[] idsWithTerm(String term) throws IOException {
        BooleanQuery.Builder anySource = new BooleanQuery.Builder();
        for (String field : termFields()) {
            anySource.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        }
        return ids(anySource.build(), new CustomerSort(CustomerSort.Column.UPDATED_AT, false));
    }

    /**
     * The ids of the customers indexed under any of these names as stored or folded names, ascending. Reads the
     * postings of each name directly (a look-up per imported row must not allocate per-document arrays as {@link #ids} does).
     */
    long[] idsNamed(Collection<String> exactNames, Collection<String> normalizedNames) throws IOException {
        return idsUnder(Map.of(EXACT_NAME, exactNames, NORMALIZED_NAME, normalizedNames));
    }

    /** The ids of the customers indexed under any of these search terms, ascending (postings read directly, as {@link #idsNamed}). */
    long[] idsWithTerms(Collection<String> values) throws IOException {
        Map<String, Collection<String>> byField = new HashMap<>();
        termFields().forEach(field -> byField.put(field, values));
        return idsUnder(byField);
    }

    /** The ids of the live documents with any of the given values in their field, ascending. */
    private long[] idsUnder(Map<String, Collection<String>> valuesByField) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            long[][] found = { new long[16] };
            int[] n = { 0 };
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                for (Map.Entry<String, Collection<String>> field : valuesByField.entrySet()) {
                    collectIds(leaf, field.getKey(), field.getValue(), found, n);
                }
            }
            return Arrays.stream(found[0], 0, n[0]).sorted().distinct().toArray();
        } finally {
            searchers.release(searcher);
        }
    }

    /** Appends to {@code found[0]} (filled up to {@code n[0]}) the ids of the live documents of this segment with any of the values in {@code field}. */
    private static void collectIds(LeafReaderContext leaf, String field, Collection<String> values, long[][] found, int[] n) throws IOException {
        Terms terms = leaf.reader().terms(field);
        if (terms == null || values.isEmpty()) {
            return;
        }
        TermsEnum te = terms.iterator();
        Bits live = leaf.reader().getLiveDocs();
        PostingsEnum postings = null;
        for (String value : values) {
            if (value == null || value.isEmpty() || !te.seekExact(new BytesRef(value))) {
                continue;
            }
            postings = te.postings(postings, PostingsEnum.NONE);
            NumericDocValues idValues = leaf.reader().getNumericDocValues(ID); // fresh per value: docs ascend per postings list only
            for (int doc = postings.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if ((live == null || live.get(doc)) && idValues.advanceExact(doc)) {
                    if (n[0] == found[0].length) {
                        found[0] = Arrays.copyOf(found[0], n[0] * 2);
                    }
                    found[0][n[0]++] = idValues.longValue();
                }
            }
        }
    }

    /** Every id in the index, ascending. */
    long[] allIds() throws IOException {
        long[] ids = ids(new MatchAllDocsQuery(), CustomerSort.DEFAULT);
        Arrays.sort(ids);
        return ids;
    }

    /** The tags at least one customer carries, in text order: the tag field's terms that a live document still has. */
    List<String> tags() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            TreeSet<String> tags = new TreeSet<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(TAG);
                if (terms == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                TermsEnum termsEnum = terms.iterator();
                PostingsEnum postings = null;
                for (BytesRef term; (term = termsEnum.next()) != null;) {
                    postings = termsEnum.postings(postings, PostingsEnum.NONE);
                    for (int doc; (doc = postings.nextDoc()) != DocIdSetIterator.NO_MORE_DOCS;) {
                        if (live == null || live.get(doc)) {
                            tags.add(term.utf8ToString());
                            break;
                        }
                    }
                }
            }
            return new ArrayList<>(tags);
        } finally {
            searchers.release(searcher);
        }
    }

    /** The rows of these documents (numbered in the whole reader), in the order given: read segment by segment in document order. */
    private static CustomerRow[] rowsOf(IndexReader reader, int[] docs) throws IOException {
        long[] byDoc = new long[docs.length]; // (document, position) packed: one primitive sort
        for (int i = 0; i < docs.length; i++) {
            byDoc[i] = (long) docs[i] << 32 | i;
        }
        Arrays.sort(byDoc);
        List<LeafReaderContext> leaves = reader.leaves();
        CustomerRow[] rows = new CustomerRow[docs.length];
        SegmentRows segment = null;
        int leaf = -1;
        for (long packed : byDoc) {
            int doc = (int) (packed >>> 32);
            int l = ReaderUtil.subIndex(doc, leaves);
            if (l != leaf) {
                leaf = l;
                segment = new SegmentRows(leaves.get(l).reader());
            }
            rows[(int) packed] = segment.row(doc - leaves.get(l).docBase);
        }
        return rows;
    }

    /** A segment's rows read from its doc values, for documents in ascending order (doc-values iterators go forward only). */
    private static final class SegmentRows {
        private final NumericDocValues id;
        private final NumericDocValues version;
        private final NumericDocValues followUp;
        private final NumericDocValues updatedAt;
        private final SortedDocValues name;
        private final SortedDocValues shortName;
        private final SortedDocValues grade;
        private final SortedDocValues status;
        private final SortedDocValues industry;
        private final SortedDocValues region;
        private final SortedDocValues owner;

        SegmentRows(LeafReader reader) throws IOException {
            id = DocValues.getNumeric(reader, ID);
            version = DocValues.getNumeric(reader, VERSION);
            followUp = DocValues.getNumeric(reader, FOLLOW_UP);
            updatedAt = DocValues.getNumeric(reader, UPDATED_AT);
            name = DocValues.getSorted(reader, sortField(NAME));
            shortName = DocValues.getSorted(reader, sortField(SHORT_NAME));
            grade = DocValues.getSorted(reader, sortField(GRADE));
            status = DocValues.getSorted(reader, sortField(STATUS));
            industry = DocValues.getSorted(reader, sortField(INDUSTRY));
            region = DocValues.getSorted(reader, sortField(REGION));
            owner = DocValues.getSorted(reader, sortField(OWNER));
        }

        CustomerRow row(int doc) throws IOException {
            Long day = number(followUp, doc);
            Long updated = number(updatedAt, doc);
            Long v = number(version, doc);
            return new CustomerRow(number(id, doc), text(name, doc), text(shortName, doc), text(grade, doc), CustomerStatus.valueOf(text(status, doc)),
                    text(industry, doc), text(region, doc), text(owner, doc), day == null ? null : LocalDate.ofEpochDay(day),
                    updated == null ? null : instant(updated), v == null ? 0 : v);
        }

        private static Long number(NumericDocValues values, int doc) throws IOException {
            return values.advanceExact(doc) ? values.longValue() : null;
        }

        private static String text(SortedDocValues values, int doc) throws IOException {
            return values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            writer.rollback(); // uncommitted changes are caught up from the database on the next open
            directory.close();
        }
    }
}
