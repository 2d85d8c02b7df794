import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Hands a consumer's error to the JetStream transport unchanged. Nest's default RPC filter
 * would replace it by `{ status: 'error', message }`, and the transport could no longer tell
 * a DomainError (final answer: ack) from a failure (retry, then park).
 * Register it on the microservice (connectJetStreamConsumers does).
 */
@Catch()
export class PassErrorsToJetStreamFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
