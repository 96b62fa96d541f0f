package bitalloc.adapters.cli;

import bitalloc.application.config.BitallocConfig;
import bitalloc.domain.allocator.AllocatorPolicy;
import bitalloc.domain.estimate.Alpha;
import bitalloc.domain.estimate.MarginPolicy;
import bitalloc.domain.estimate.ReservedEstimator;
import bitalloc.domain.host.HostKind;
import bitalloc.domain.host.SetAside;
import bitalloc.domain.host.SetAsidePolicy;
import bitalloc.domain.host.SetAsideRule;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.selection.FillerScript;
import bitalloc.domain.selection.SelectorConfig;
import bitalloc.domain.tag.TagKey;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Every knob of bitalloc as a command-line flag, shared by {@code simulate} and {@code serve}.
 * Each default is the one {@link BitallocConfig#defaults()} documents.
 */
public final class ConfigOptions {

    public enum Estimator { DELTA, EXACT, EMA, HYBRID }

    public enum Margin { STATIC, ADAPTIVE }

    @Option(names = "--estimator", description = "reserved-RAM estimator: delta, exact, ema or hybrid (default: hybrid)")
    Estimator estimator = Estimator.HYBRID;

    @Option(names = "--alpha", description = "smoothing factor of ema and hybrid, 0..1 (default: ${DEFAULT-VALUE})")
    String alpha = "0.7";

    @Option(names = "--margin", description = "safety margin policy: static (the RFD's max(GB, %%)) or adaptive (default: adaptive)")
    Margin margin = Margin.ADAPTIVE;

    @Option(names = "--margin-gb", description = "static margin: at least this many GB (default: ${DEFAULT-VALUE})")
    String marginGb = "8";

    @Option(names = "--margin-percent", description = "static margin: at least this %% of max RAM (default: ${DEFAULT-VALUE})")
    int marginPercent = 10;

    @Option(names = "--margin-floor-gb", description = "adaptive margin: never below this (default: ${DEFAULT-VALUE})")
    String marginFloorGb = "0.25";

    @Option(names = "--margin-rise-percent", description = "adaptive margin: a foreign rise raises the margin to this %% of it; 0: only clashes raise it (default: ${DEFAULT-VALUE})")
    int marginRisePercent = 0;

    @Option(names = "--margin-decay-percent", description = "adaptive margin: %% of the excess given back per quiet poll (default: ${DEFAULT-VALUE})")
    int marginDecayPercent = 10;

    @Option(names = "--margin-clash-gb", description = "adaptive margin: minimum bump over the floor after a clash (default: ${DEFAULT-VALUE})")
    String marginClashGb = "4";

    @Option(names = "--home-set-aside-gb", description = "RAM kept free on home for the player, at least (default: ${DEFAULT-VALUE})")
    String homeSetAsideGb = "4";

    @Option(names = "--home-set-aside-percent", description = "RAM kept free on home for the player, %% of its max (default: ${DEFAULT-VALUE})")
    int homeSetAsidePercent = 10;

    @Option(names = "--use-hacknet", description = "let bitalloc use hacknet servers (excluded by default: they earn hashes)")
    boolean useHacknet;

    @Option(names = "--allocation-grace", converter = DurationConverter.class,
            description = "an allocation with no live process is released after this (default: 2s)")
    Duration allocationGrace;

    @Option(names = "--tag-key", description = "secret for keyed tag checksums; forged tags then count as foreign")
    String tagKey;

    @Option(names = "--poll", converter = DurationConverter.class, description = "poll interval (default: 2s)")
    Duration poll = Duration.ofSeconds(2);

    @Option(names = "--tick", converter = DurationConverter.class, description = "selector tick (default: 500ms)")
    Duration tick = Duration.ofMillis(500);

    @Option(names = "--launch-timeout", converter = DurationConverter.class, description = "default: 2s")
    Duration launchTimeout = Duration.ofSeconds(2);

    @Option(names = "--heartbeat-timeout", converter = DurationConverter.class, description = "default: 3s")
    Duration heartbeatTimeout = Duration.ofSeconds(3);

    @Option(names = "--backoff-base", converter = DurationConverter.class, description = "default: 500ms")
    Duration backOffBase = Duration.ofMillis(500);

    @Option(names = "--backoff-cap", converter = DurationConverter.class, description = "default: 10s")
    Duration backOffCap = Duration.ofSeconds(10);

    @Option(names = "--recovery-window", converter = DurationConverter.class, description = "default: 5s")
    Duration recoveryWindow = Duration.ofSeconds(5);

    @Option(names = "--till-tolerance", description = "till when security > min + this (default: ${DEFAULT-VALUE})")
    double tillTolerance = 1.0;

    @Option(names = "--sow-ratio", description = "sow when money < this x max (default: ${DEFAULT-VALUE})")
    double sowRatio = 0.99;

    @Option(names = "--batch-spacing", converter = DurationConverter.class, description = "harvest landing gap (default: 200ms)")
    Duration batchSpacing = Duration.ofMillis(200);

    @Option(names = "--max-batches", description = "harvest batches in flight per target (default: ${DEFAULT-VALUE})")
    int maxBatches = 50;

    @Option(names = "--max-hack-fraction", description = "largest share of money one batch takes (default: ${DEFAULT-VALUE})")
    double maxHackFraction = 0.5;

    @Option(names = "--max-tasks", description = "task scripts alive at once (default: ${DEFAULT-VALUE})")
    int maxTasks = 64;

    @Option(names = "--fill", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "lend spare RAM to the filler script xp.js (hacking experience), stopped whenever a task "
                    + "needs the RAM; --no-fill leaves it free for the player (default: on)")
    boolean fill = true;

    public BitallocConfig toConfig() {
        BitallocConfig defaults = BitallocConfig.defaults();
        AllocatorPolicy allocator = defaults.allocator()
                .withEstimator(estimator())
                .withMargin(margin())
                .withSetAside(setAside())
                .withAllocationGrace(allocationGrace == null ? poll : allocationGrace);
        if (tagKey != null) {
            allocator = allocator.withTagKey(TagKey.of(tagKey));
        }
        SelectorConfig base = defaults.selector();
        SelectorConfig selector = new SelectorConfig(launchTimeout, heartbeatTimeout, backOffBase, backOffCap,
                recoveryWindow, tillTolerance, sowRatio, base.taskScripts(), base.helperRam(), batchSpacing,
                maxBatches, maxHackFraction, maxTasks, base.bitNode());
        return new BitallocConfig(allocator, selector, poll, tick, fill ? io.vavr.control.Option.some(FillerScript.DEFAULT)
                : io.vavr.control.Option.none());
    }

    /** The same options with another estimator and margin, for {@code --compare}. */
    ConfigOptions with(Estimator newEstimator, Margin newMargin) {
        ConfigOptions copy = copy();
        copy.estimator = newEstimator;
        copy.margin = newMargin;
        return copy;
    }

    private ConfigOptions copy() {
        ConfigOptions copy = new ConfigOptions();
        for (java.lang.reflect.Field field : ConfigOptions.class.getDeclaredFields()) {
            try {
                field.set(copy, field.get(this));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return copy;
    }

    private ReservedEstimator estimator() {
        Alpha smoothing = Alpha.parse(alpha);
        return switch (estimator) {
            case DELTA -> new ReservedEstimator.Delta();
            case EXACT -> new ReservedEstimator.Exact();
            case EMA -> new ReservedEstimator.Ema(smoothing);
            case HYBRID -> new ReservedEstimator.Hybrid(smoothing);
        };
    }

    private MarginPolicy margin() {
        return switch (margin) {
            case STATIC -> new MarginPolicy.Static(Ram.parse(marginGb), marginPercent);
            case ADAPTIVE -> new MarginPolicy.Adaptive(Ram.parse(marginFloorGb), marginRisePercent,
                    marginDecayPercent, Ram.parse(marginClashGb));
        };
    }

    private SetAsidePolicy setAside() {
        SetAsidePolicy policy = SetAsidePolicy.NOTHING;
        if (!useHacknet) {
            policy = policy.overriddenBy(SetAsideRule.forKind(HostKind.HACKNET, SetAside.WHOLE_HOST));
        }
        return policy.overriddenBy(SetAsideRule.forKind(HostKind.HOME,
                new SetAside(Ram.parse(homeSetAsideGb), homeSetAsidePercent)));
    }
}
