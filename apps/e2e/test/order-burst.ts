import { HttpAnswer, isConnectionRefused, Platform, PlatformApp, postOrder } from '@brigade/component-testing';

export interface OrderRequest {
  readonly consumerId: string;
  readonly restaurantId: string;
  readonly lines: { menuItemId: string; quantity: number }[];
}

/** One crash of the plan: SIGKILL `app` once this share of the burst's orders was answered 201. */
export interface PlannedCrash {
  readonly app: PlatformApp;
  readonly atFraction: number;
}

export interface BurstPlan {
  /** POSTs that must be answered 201. */
  readonly orders: number;
  /** The steady pace: `orders` spread over this long (outages of orders stretch it). */
  readonly durationMs: number;
  /** POSTs sent at the same time, at most. */
  readonly inFlight: number;
  readonly crashes: readonly PlannedCrash[];
  /** How long a killed app stays dead before its restart begins. */
  readonly downtimeMs: number;
  /** The order of the n-th POST attempt (a POST refused by a dead orders app is the same attempt). */
  readonly order: (attempt: number) => OrderRequest;
  /** Told of each order answered 201 as it is (e.g. to drive its life on while the burst goes on). */
  readonly onAccepted?: (orderId: string, attempt: number) => void;
}

/** A crash as it happened: the pids prove the app was killed and a new process took over. */
export interface CrashRecord {
  readonly app: PlatformApp;
  readonly afterOrders: number;
  readonly killedPid: number | undefined;
  readonly killedBy: NodeJS.Signals | null;
  readonly restartedPid: number | undefined;
  /** From the kill until the new process answered GET /health with 200. */
  readonly outageMs: number;
}

export interface BurstResult {
  /** Orders whose POST was answered 201. */
  readonly acceptedOrderIds: readonly string[];
  /** POSTs that failed after they may have reached orders (reset, hang-up): only the orders database knows whether they made an order. */
  readonly ambiguousFailures: readonly string[];
  /** POSTs sent again because nothing listened (orders was down): they never reached a server. */
  readonly refusedRetries: number;
  readonly crashes: readonly CrashRecord[];
  readonly durationMs: number;
}

/** A refused POST is sent again at once after this: orders is down, each try costs a refused connect. */
const REFUSED_RETRY_MS = 100;

/** A POST just sent is then on the wire or being handled (a few ms): the kill catches it in flight, not an idle app. */
const KILL_AFTER_DISPATCH_MS = 1;

type PostOutcome = { readonly orderId: string } | { readonly ambiguous: string };

/**
 * Sends orders at a steady pace, a few in flight, until `plan.orders` POSTs were answered 201,
 * killing and restarting apps on the way as planned. A POST is sent again only when it certainly
 * never reached the server (connection refused); an ambiguous failure is recorded, not guessed
 * at, and the burst goes on with a new order. Any answer other than 201 is a bug: it ends the burst.
 * Resolves after every crash's restart completed, also when the burst fails (so nothing restarts
 * after the platform was stopped).
 */
export async function sendOrderBurst(platform: Platform, plan: BurstPlan): Promise<BurstResult> {
  const startedAt = Date.now();
  const accepted: string[] = [];
  const ambiguous: string[] = [];
  const crashes = plan.crashes.map((crash) => ({ ...crash, threshold: Math.ceil(crash.atFraction * plan.orders), run: undefined as Promise<CrashRecord> | undefined }));
  const pace = pacer(plan.durationMs / plan.orders);
  let attempts = 0;
  let inFlight = 0;
  let refusedRetries = 0;
  let failed = false;

  const startDueCrashes = () => {
    for (const crash of crashes) {
      if (crash.run || accepted.length < crash.threshold) continue;
      // Just after a POST left: the kill is meant to catch requests in flight, not an idle app.
      const afterOrders = accepted.length;
      crash.run = delay(KILL_AFTER_DISPATCH_MS).then(() => crashAndRestart(platform, crash.app, plan.downtimeMs, afterOrders));
      // An app that does not come back ends the burst; its error is reported once the workers stopped.
      crash.run.catch(() => (failed = true));
    }
  };

  const post = async (request: OrderRequest): Promise<PostOutcome> => {
    for (;;) {
      let answer: HttpAnswer;
      try {
        answer = await postOrder(platform, request.consumerId, request.restaurantId, request.lines);
      } catch (error) {
        if (!isConnectionRefused(error)) return { ambiguous: describe(error) };
        refusedRetries += 1;
        await delay(REFUSED_RETRY_MS);
        continue;
      }
      if (answer.status !== 201) throw new Error(`POST /orders answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return { orderId: answer.body.orderId };
    }
  };

  const worker = async () => {
    while (!failed && accepted.length + inFlight < plan.orders) {
      inFlight += 1;
      try {
        const attempt = attempts++;
        const request = plan.order(attempt);
        await pace();
        const posting = post(request);
        startDueCrashes();
        const outcome = await posting;
        if ('orderId' in outcome) {
          accepted.push(outcome.orderId);
          plan.onAccepted?.(outcome.orderId, attempt);
        } else ambiguous.push(outcome.ambiguous);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        inFlight -= 1;
      }
    }
  };

  const workers = await Promise.allSettled(Array.from({ length: plan.inFlight }, worker));
  const records = await Promise.allSettled(crashes.flatMap((crash) => (crash.run ? [crash.run] : [])));
  const failure = [...workers, ...records].find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
  const crashRecords = records.map((result) => (result as PromiseFulfilledResult<CrashRecord>).value);
  if (crashRecords.length !== crashes.length) throw new Error(`only ${crashRecords.length} of ${crashes.length} planned crashes happened`);
  return { acceptedOrderIds: accepted, ambiguousFailures: ambiguous, refusedRetries, crashes: crashRecords, durationMs: Date.now() - startedAt };
}

async function crashAndRestart(platform: Platform, app: PlatformApp, downtimeMs: number, afterOrders: number): Promise<CrashRecord> {
  const killedAt = Date.now();
  const killed = await platform.kill(app);
  await delay(downtimeMs); // the outage itself: the app stays dead this long, whatever else happens
  const restarted = await platform.restart(app);
  return { app, afterOrders, killedPid: killed.pid, killedBy: killed.exitSignal, restartedPid: restarted.pid, outageMs: Date.now() - killedAt };
}

/** Resolves at most once per `intervalMs` across all callers, never catching up on time lost in outages. */
function pacer(intervalMs: number): () => Promise<void> {
  let next = Date.now();
  return async () => {
    const at = Math.max(Date.now(), next);
    next = at + intervalMs;
    await delay(at - Date.now());
  };
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return `${(error as Error).message}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''}`;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
