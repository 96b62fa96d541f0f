package bitalloc.adapters.sim.wiring;

import bitalloc.adapters.sim.script.AllocationFlag;
import bitalloc.adapters.sim.script.AllocationGrant;
import bitalloc.adapters.sim.script.AllocationRefusal;
import bitalloc.adapters.sim.script.BitallocLink;
import bitalloc.adapters.sim.script.GrantedChunks;
import bitalloc.adapters.sim.script.Heartbeat;
import bitalloc.adapters.sim.script.Registration;
import bitalloc.adapters.sim.script.TaskFinished;
import bitalloc.application.config.BitallocConfig;
import bitalloc.application.port.in.AllocateRam;
import bitalloc.application.port.in.ClaimRam;
import bitalloc.application.port.in.FinishTask;
import bitalloc.application.port.in.RecordHeartbeat;
import bitalloc.application.port.in.RegisterService;
import bitalloc.application.port.in.ReleaseRam;
import bitalloc.application.port.in.UnregisterService;
import bitalloc.domain.allocation.AllocationId;
import bitalloc.domain.allocation.AllocationRefused;
import bitalloc.domain.allocation.AllocationRequest;
import bitalloc.domain.allocation.Requester;
import bitalloc.domain.host.HostName;
import bitalloc.domain.process.Pid;
import bitalloc.domain.ram.Ram;
import bitalloc.domain.tag.AllocationTags;
import io.vavr.control.Either;
import jakarta.inject.Inject;

/**
 * What the simulated in-game scripts say to bitalloc, carried straight to the use cases: the same calls the
 * HTTP adapter makes for the live game's scripts, minus the network.
 */
public final class UseCaseLink implements BitallocLink {

    private final AllocationTags tags;
    private final AllocateRam allocate;
    private final ClaimRam claim;
    private final ReleaseRam release;
    private final RegisterService register;
    private final UnregisterService unregister;
    private final RecordHeartbeat heartbeat;
    private final FinishTask finish;

    @Inject
    public UseCaseLink(AllocateRam allocate, ClaimRam claim, ReleaseRam release, RegisterService register,
                       UnregisterService unregister, RecordHeartbeat heartbeat, FinishTask finish,
                       BitallocConfig config) {
        this.tags = AllocationTags.of(config.allocator().tagKey());
        this.allocate = allocate;
        this.claim = claim;
        this.release = release;
        this.register = register;
        this.unregister = unregister;
        this.heartbeat = heartbeat;
        this.finish = finish;
    }

    @Override
    public Either<AllocationRefusal, AllocationGrant> allocate(bitalloc.adapters.sim.script.AllocationRequest request) {
        AllocationRequest domainRequest = new AllocationRequest(
                new Requester(request.requesterHost(), request.requesterPid()), request.script(), request.chunkSize(),
                Math.toIntExact(request.chunks()), request.has(AllocationFlag.CONTIGUOUS),
                request.has(AllocationFlag.CORE_DEPENDENT), request.has(AllocationFlag.SHRINKABLE),
                request.has(AllocationFlag.LONG_RUNNING));
        return allocate.allocate(new AllocateRam.Command(domainRequest))
                .map(allocation -> new AllocationGrant(allocation.id(), tags.tagArgument(allocation.id()), allocation.grants()
                        .map(grant -> new GrantedChunks(grant.host(), grant.chunkSize(), grant.chunks()))))
                .mapLeft(UseCaseLink::refusal);
    }

    @Override
    public void claim(AllocationId allocation, HostName host, Pid pid, long chunks) {
        claim.claim(new ClaimRam.Command(allocation, host, pid, Math.toIntExact(chunks)));
    }

    @Override
    public void releaseClaim(AllocationId allocation, Pid pid) {
        release.release(new ReleaseRam.ReleaseClaim(allocation, pid));
    }

    @Override
    public void releaseChunks(AllocationId allocation, HostName host, Ram chunkSize, long chunks) {
        release.release(new ReleaseRam.ReleaseChunks(allocation, host, Math.toIntExact(chunks)));
    }

    @Override
    public void release(AllocationId allocation) {
        release.release(new ReleaseRam.ReleaseAllocation(allocation));
    }

    @Override
    public void register(Registration registration) {
        register.register(new RegisterService.Command(registration.host(), registration.pid(), registration.script(),
                registration.ram()));
    }

    @Override
    public void unregister(HostName host, Pid pid) {
        unregister.unregister(new UnregisterService.Command(host, pid));
    }

    @Override
    public void heartbeat(Heartbeat beat) {
        heartbeat.heartbeat(new RecordHeartbeat.Command(beat.pid(), beat.script(), beat.target(), beat.lifecycle()));
    }

    @Override
    public void taskFinished(TaskFinished finished) {
        finish.finish(new FinishTask.Command(finished.target(), finished.lifecycle(), finished.pid()));
    }

    private static AllocationRefusal refusal(AllocationRefused refused) {
        if (refused instanceof AllocationRefused.NotEnoughFree notEnough) {
            return new AllocationRefusal(AllocationRefusal.Reason.NOT_ENOUGH_FREE, notEnough.available());
        } else if (refused instanceof AllocationRefused.ChunkLargerThanAnyHost tooLarge) {
            return new AllocationRefusal(AllocationRefusal.Reason.CHUNK_LARGER_THAN_ANY_HOST,
                    tooLarge.largestHostCapacity());
        } else if (refused instanceof AllocationRefused.NothingFree) {
            return new AllocationRefusal(AllocationRefusal.Reason.NOTHING_FREE, Ram.ZERO);
        }
        return new AllocationRefusal(AllocationRefusal.Reason.UNAVAILABLE, Ram.ZERO);
    }
}
