import { Access } from '@brigade/auth';
import type { EventMetadata } from '@brigade/event-store';
import { ApiCommandController, CommandMetadata, PROBLEM_DESCRIPTION, ProblemException } from '@brigade/service';
import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { IssueToken } from '../../application/issue-token/issue-token.command';
import { RegisterUser } from '../../application/register-user/register-user.command';
import { LoginErrorCodes } from '../../domain/login.errors';
import { CreateUserRequest, SignedUpResponse, SignUpRequest, TokenRequest, TokenResponse, UserCreatedResponse } from './auth.dto';

/**
 * Sign-up, login and user creation. Errors are problem+json: 400 invalid input (fields named),
 * 409 IDENTITY.USER.EMAIL_TAKEN, 401 IDENTITY.CREDENTIALS.INVALID (one answer whether the email
 * exists or not), 429 IDENTITY.LOGIN.THROTTLED with Retry-After.
 */
@ApiTags('auth')
@ApiCommandController()
@Controller('auth')
export class AuthController {
  constructor(private readonly commands: CommandBus) {}

  @Post('signup')
  @Access.public()
  @ApiOperation({ summary: 'Sign up as a consumer: a user bound to a new consumer, which the consumers context registers.' })
  @ApiCreatedResponse({ type: SignedUpResponse })
  @ApiConflictResponse({ description: `Email taken (${PROBLEM_DESCRIPTION}: IDENTITY.USER.EMAIL_TAKEN)` })
  async signUp(@Body() body: SignUpRequest, @CommandMetadata() metadata: EventMetadata): Promise<SignedUpResponse> {
    const consumerId = randomUUID();
    const name = { firstName: body.name.firstName, lastName: body.name.lastName };
    const { userId } = await this.commands.execute(
      new RegisterUser({ userId: randomUUID(), email: body.email, role: 'consumer', consumerId, name }, body.password, metadata),
    );
    return { userId, consumerId };
  }

  @Post('token')
  @HttpCode(HttpStatus.OK)
  @Access.public()
  @ApiOperation({ summary: 'Log in: email and password for an access token.' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ description: `Wrong email or password (${PROBLEM_DESCRIPTION}: IDENTITY.CREDENTIALS.INVALID)` })
  @ApiTooManyRequestsResponse({ description: `Too many failures for the email or the client address (${PROBLEM_DESCRIPTION}: IDENTITY.LOGIN.THROTTLED); see Retry-After` })
  async token(@Body() body: TokenRequest, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenResponse> {
    const login = await this.commands.execute(new IssueToken(body.email, body.password, request.ip));
    // RFC 6749 5.1: an answer carrying a token is never cached.
    void reply.header('Cache-Control', 'no-store');
    switch (login.outcome) {
      case 'issued':
        return { access_token: login.token.accessToken, token_type: 'Bearer', expires_in: login.token.expiresIn };
      case 'refused':
        throw new ProblemException({ status: 401, code: LoginErrorCodes.InvalidCredentials, title: 'Unauthorized', detail: 'The email or the password is wrong.' });
      case 'throttled':
        void reply.header('Retry-After', String(login.retryAfterS));
        throw new ProblemException({
          status: 429,
          code: LoginErrorCodes.Throttled,
          title: 'Too Many Requests',
          detail: `Too many failed logins; try again in ${login.retryAfterS} s.`,
        });
    }
  }

  @Post('users')
  @Access.admin()
  @ApiOperation({ summary: 'Create restaurant staff (bound to a restaurant), a courier user (bound to a courier) or an admin.' })
  @ApiCreatedResponse({ type: UserCreatedResponse })
  @ApiConflictResponse({ description: `Email taken (${PROBLEM_DESCRIPTION}: IDENTITY.USER.EMAIL_TAKEN)` })
  createUser(@Body() body: CreateUserRequest, @CommandMetadata() metadata: EventMetadata): Promise<UserCreatedResponse> {
    const { email, role, restaurantId, courierId, password } = body;
    const user = { userId: randomUUID(), email, role, ...(restaurantId ? { restaurantId } : {}), ...(courierId ? { courierId } : {}) };
    return this.commands.execute(new RegisterUser(user, password, metadata));
  }
}
