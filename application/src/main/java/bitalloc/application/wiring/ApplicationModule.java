package bitalloc.application.wiring;

import bitalloc.application.config.BitallocConfig;
import bitalloc.application.port.in.AllocateRam;
import bitalloc.application.port.in.ClaimRam;
import bitalloc.application.port.in.FinishTask;
import bitalloc.application.port.in.PollNetwork;
import bitalloc.application.port.in.QueryAllocations;
import bitalloc.application.port.in.QueryStatus;
import bitalloc.application.port.in.RecordHeartbeat;
import bitalloc.application.port.in.Recover;
import bitalloc.application.port.in.RegisterService;
import bitalloc.application.port.in.ReleaseRam;
import bitalloc.application.port.in.ReportScan;
import bitalloc.application.port.in.TickSelector;
import bitalloc.application.port.in.UnregisterService;
import bitalloc.application.service.AllocateRamService;
import bitalloc.application.service.AllocationJournal;
import bitalloc.application.service.ClaimRamService;
import bitalloc.application.service.CommandRunner;
import bitalloc.application.service.SpareRamFiller;
import bitalloc.application.service.ControlLoops;
import bitalloc.application.service.Engine;
import bitalloc.application.service.PollNetworkService;
import bitalloc.application.service.QueryAllocationsService;
import bitalloc.application.service.QueryStatusService;
import bitalloc.application.service.RecoverService;
import bitalloc.application.service.RegistrationServices;
import bitalloc.application.service.ReleaseRamService;
import bitalloc.application.service.ReportScanService;
import bitalloc.application.service.SelectorPersistence;
import bitalloc.application.service.TaskHosts;
import bitalloc.application.service.TaskMessages;
import bitalloc.application.service.TaskProcesses;
import bitalloc.application.service.TickSelectorService;
import bitalloc.domain.selection.SelectorConfig;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/**
 * The application's bindings: every incoming use case to its service. The outgoing ports (clock, scheduler,
 * process table, launcher, game state, allocation ids, store, history) are bound by the adapters' modules.
 */
public final class ApplicationModule extends AbstractModule {

    private final BitallocConfig config;

    public ApplicationModule(BitallocConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(BitallocConfig.class).toInstance(config);
        bind(Engine.class);
        bind(TaskHosts.class);
        bind(TaskProcesses.class);
        bind(SelectorPersistence.class);
        bind(AllocationJournal.class);
        bind(CommandRunner.class);
        bind(SpareRamFiller.class);
        bind(ControlLoops.class);
        bind(AllocateRam.class).to(AllocateRamService.class);
        bind(ClaimRam.class).to(ClaimRamService.class);
        bind(ReleaseRam.class).to(ReleaseRamService.class);
        bind(RegistrationServices.class);
        bind(RegisterService.class).to(RegistrationServices.class);
        bind(UnregisterService.class).to(RegistrationServices.class);
        bind(TaskMessages.class);
        bind(RecordHeartbeat.class).to(TaskMessages.class);
        bind(FinishTask.class).to(TaskMessages.class);
        bind(ReportScan.class).to(ReportScanService.class);
        bind(PollNetwork.class).to(PollNetworkService.class);
        bind(TickSelector.class).to(TickSelectorService.class);
        bind(QueryStatus.class).to(QueryStatusService.class);
        bind(QueryAllocations.class).to(QueryAllocationsService.class);
        bind(QueryAllocationsService.class);
        bind(Recover.class).to(RecoverService.class);
        bind(AllocateRamService.class);
        bind(ClaimRamService.class);
        bind(ReleaseRamService.class);
        bind(ReportScanService.class);
        bind(PollNetworkService.class);
        bind(TickSelectorService.class);
        bind(QueryStatusService.class);
        bind(RecoverService.class);
    }

    @Provides
    SelectorConfig selectorConfig(BitallocConfig bitalloc) {
        return bitalloc.selector();
    }
}
