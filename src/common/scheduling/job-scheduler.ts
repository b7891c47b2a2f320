import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { AppConfig } from '../../config/app-config.js';

/** When a background job runs: a cron expression (seconds field allowed, UTC), or every `everyMs` milliseconds. */
export type JobSchedule = { cron: string } | { everyMs: number };

/**
 * The background jobs of this instance, registered with @nestjs/schedule under their names, each
 * on its own schedule (its own setting in the environment). A job never overlaps itself on one
 * instance (a tick while it runs is skipped); a failed run is logged and the next one comes on
 * time. With WORKER_POLL_MS=0 nothing is scheduled (the tests run the jobs by hand). At shutdown
 * no run starts any more, and the runs under way are awaited before the database closes.
 * Several instances may run the same job at once: each job settles its races in the database.
 */
@Injectable()
export class JobScheduler implements BeforeApplicationShutdown {
  private readonly logger = new Logger(JobScheduler.name);
  private readonly running = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  /** Runs `task` on `schedule` from now on (call it from `onApplicationBootstrap`). */
  schedule(name: string, schedule: JobSchedule, task: () => Promise<unknown>): void {
    if (this.config.env.WORKER_POLL_MS === 0) return;
    const tick = () => this.run(name, task);
    if ('cron' in schedule) {
      this.registry.addCronJob(name, CronJob.from({ cronTime: schedule.cron, onTick: tick, timeZone: 'UTC', start: true, unrefTimeout: true }));
    } else {
      const timer = setInterval(tick, schedule.everyMs);
      timer.unref();
      this.registry.addInterval(name, timer);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    // @nestjs/schedule clears the timers in this same hook; the flag covers a tick that comes first.
    this.stopped = true;
    await Promise.all(this.running.values());
  }

  private run(name: string, task: () => Promise<unknown>): void {
    if (this.stopped || this.running.has(name)) return;
    const run = task()
      .then(
        () => undefined,
        (error: unknown) => this.logger.error({ err: error }, `background job ${name} failed`),
      )
      .finally(() => this.running.delete(name));
    this.running.set(name, run);
  }
}
