package nhssm.bench;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nhssm.aggregate.AggregateHandler;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.RawAnswers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.stats.RoundStatistics;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.StoredResponse;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.store.dynamodb.DynamoDbTrustRecordStore;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustRegister;
import nhssm.core.validation.Validation;
import nhssm.core.validation.ValidationResult;
import nhssm.local.dynamodb.LocalDynamoDb;
import nhssm.local.seed.SyntheticCensus;
import nhssm.local.seed.TrustPlan;

/**
 * Aggregation and statistics on the DynamoDB engine over loopback, at 1,000, 10,000 and 100,000 stored
 * responses spread over every open trust: the time to aggregate a batch of 100 stream records, and the
 * time to read a round's trust records and compute its statistics. The second must stay flat as
 * responses grow, because it reads one record per trust, never the responses.
 */
final class AggregationBenchmark {

    private static final String ROUND = "2026";
    private static final Instant AT = Instant.parse("2026-11-10T09:00:00Z");

    private AggregationBenchmark() {
    }

    static void run(PrintStream out) throws Exception {
        SurveyDefinition definition = SurveyDefinitions.forRound(ROUND).orElseThrow();
        TrustRegister register = TrustRegister.bundled();
        List<Trust> trusts = register.openOn(definition.censusDate());
        List<Map<String, List<String>>> answers = answerPool(trusts);
        List<Integer> sizes = sizes();
        out.printf("aggregation benchmark: %d open trusts, %d distinct synthetic responses reused, sizes %s%n",
                trusts.size(), answers.size(), sizes);
        out.printf("Load average: %.1f at the start (%d cores).%n", ColdStartBenchmark.loadAverage(),
                Runtime.getRuntime().availableProcessors());
        out.println("| stored responses | responses per trust | store them (8 writers) | aggregate a batch of 100 records | trust records + statistics |");
        out.println("|---:|---:|---|---|---|");
        try (LocalDynamoDb dynamo = LocalDynamoDb.start()) {
            for (int size : sizes) {
                String table = dynamo.newTable();
                DynamoDbSurveyStore responses = new DynamoDbSurveyStore(dynamo.client(), table);
                DynamoDbTrustRecordStore records = new DynamoDbTrustRecordStore(dynamo.client(), table);
                Populated populated = populate(responses, definition, trusts, answers, size);
                Map<String, List<String>> keysByTrust = populated.keysByTrust();
                AggregateHandler handler = new AggregateHandler(records);
                // Every trust's record exists before measuring, as in a running census.
                keysByTrust.forEach((ods, keys) -> handler.handleRequest(event(ods, keys.subList(0, 1)), null));

                DynamodbEvent batch = hundredRecords(keysByTrust);
                Timing.Result aggregate = Timing.measure(3, 11, () -> handler.handleRequest(batch, null));
                Timing.Result statistics = Timing.measure(5, 21, () -> {
                    List<TrustRecord> round = records.recordsOf(ROUND);
                    RoundStatistics.compute(definition, register, round);
                });
                out.printf("| %,d | %,d | %.1f s (%,.0f a second) | %s | %s |%n", size, size / trusts.size(),
                        populated.storeSeconds(), size / populated.storeSeconds(), aggregate, statistics);
            }
        }
        out.printf("Load average: %.1f at the end.%n", ColdStartBenchmark.loadAverage());
    }

    /** The stored responses' ids by trust, and the wall time of storing them (validation not included). */
    private record Populated(Map<String, List<String>> keysByTrust, double storeSeconds) {
    }

    private static List<Integer> sizes() {
        String configured = System.getProperty("bench.sizes", "1000,10000,100000");
        return java.util.Arrays.stream(configured.split(",")).map(String::strip).map(Integer::parseInt).toList();
    }

    /** The synthetic census's submitted responses, as raw answers, to be reused round-robin. */
    private static List<Map<String, List<String>>> answerPool(List<Trust> trusts) {
        List<Map<String, List<String>>> pool = new ArrayList<>();
        for (TrustPlan plan : SyntheticCensus.plan(trusts, 2026)) {
            if (plan.responds()) {
                plan.individuals().forEach(i -> pool.add(i.raw().values()));
            }
        }
        return pool;
    }

    /** {@code size} submitted responses: one official return per trust, the rest individual, spread evenly. */
    private static Populated populate(DynamoDbSurveyStore store, SurveyDefinition definition,
            List<Trust> trusts, List<Map<String, List<String>>> pool, int size) throws Exception {
        Map<String, List<String>> keysByTrust = new LinkedHashMap<>();
        List<StoredResponse> all = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Trust trust = trusts.get(i % trusts.size());
            ResponseKind kind = i < trusts.size() ? ResponseKind.OFFICIAL : ResponseKind.INDIVIDUAL;
            Map<String, List<String>> raw = new LinkedHashMap<>(pool.get(i % pool.size()));
            if (kind == ResponseKind.OFFICIAL) {
                raw.put("Q22", List.of("12"));
                raw.put("Q44", List.of("YES"));
            }
            var result = Validation.validate(definition, kind, ResponseStatus.SUBMITTED, RawAnswers.of(raw));
            if (!(result instanceof ValidationResult.Accepted accepted)) {
                throw new IllegalStateException("synthetic response refused: " + result);
            }
            ResponseKey key = new ResponseKey(ROUND, trust.odsCode(), UUID.randomUUID().toString());
            all.add(new StoredResponse(key, kind, ResponseStatus.SUBMITTED, 1, definition.definitionVersion(),
                    accepted.answers(), AT, AT, AT));
            keysByTrust.computeIfAbsent(trust.odsCode(), k -> new ArrayList<>()).add(key.id());
        }
        ExecutorService pool8 = Executors.newFixedThreadPool(8);
        long begin = System.nanoTime();
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (StoredResponse r : all) {
                writes.add(pool8.submit(() -> store.create(r, Optional.empty())));
            }
            for (Future<?> w : writes) {
                w.get();
            }
        } finally {
            pool8.shutdown();
        }
        return new Populated(keysByTrust, (System.nanoTime() - begin) / 1e9);
    }

    /** 100 records from 20 trusts, 5 each: a burst of submissions during the census. */
    private static DynamodbEvent hundredRecords(Map<String, List<String>> keysByTrust) {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        keysByTrust.entrySet().stream().limit(20).forEach(e -> records.addAll(event(e.getKey(),
                e.getValue().subList(0, Math.min(5, e.getValue().size()))).getRecords()));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    /** Stream records as the aggregate function receives them; it reads only their keys. */
    private static DynamodbEvent event(String ods, List<String> ids) {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (String id : ids) {
            StreamRecord dynamodb = new StreamRecord();
            dynamodb.setKeys(Map.of("pk", new AttributeValue().withS("ROUND#" + ROUND + "#TRUST#" + ods),
                    "sk", new AttributeValue().withS("RESP#" + id)));
            dynamodb.setSequenceNumber(id);
            DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
            record.setEventName("MODIFY");
            record.setDynamodb(dynamodb);
            records.add(record);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }
}
