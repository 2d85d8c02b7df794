import { ArgumentMetadata } from '@nestjs/common';
import { IsOptional, IsString } from 'class-validator';
import { ProblemException } from '../errors/problem.exception';
import { createValidationPipe } from './create-validation-pipe';
import { IsCents, MAX_CENTS } from './is-cents.decorator';
import { NestedArray, NestedObject } from './nested.decorators';

class AddressDto {
  @IsString() street1: string;
  @IsOptional() @IsString() street2?: string;
  @IsString() city: string;
}

class MenuItemDto {
  @IsString() name: string;
  @IsCents() priceCents: number;
}

class CreateRestaurantDto {
  @IsString() name: string;
  @NestedObject(() => AddressDto) address: AddressDto;
  @NestedArray(() => MenuItemDto, { min: 1, max: 3 }) menu: MenuItemDto[];
}

const asBody: ArgumentMetadata = { type: 'body', metatype: CreateRestaurantDto };
const valid = { name: 'Ajanta', address: { street1: '1 Main St', city: 'Oakland' }, menu: [{ name: 'Curry', priceCents: 1250 }] };

async function fieldErrorsOf(body: unknown) {
  try {
    await createValidationPipe().transform(body, asBody);
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    expect(error.problem).toMatchObject({ status: 400, code: 'REQUEST.VALIDATION' });
    return error.problem.errors ?? [];
  }
  throw new Error('expected the body to be refused');
}

describe('createValidationPipe', () => {
  it('turns a valid body into the DTO', async () => {
    const dto = await createValidationPipe().transform(valid, asBody);
    expect(dto).toBeInstanceOf(CreateRestaurantDto);
    expect((dto as CreateRestaurantDto).menu[0]).toBeInstanceOf(MenuItemDto);
  });

  it('names extra fields, nested ones with their path', async () => {
    const errors = await fieldErrorsOf({ ...valid, rating: 5, address: { ...valid.address, planet: 'Earth' } });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'rating', message: 'is not an accepted field' },
        { field: 'address.planet', message: 'is not an accepted field' },
      ]),
    );
  });

  it('names nested bad fields by their full path', async () => {
    const errors = await fieldErrorsOf({ ...valid, address: { street1: '1 Main St' }, menu: [valid.menu[0], { name: 'Naan', priceCents: '250' }] });
    expect(errors.map((error) => error.field).sort()).toEqual(['address.city', 'menu.1.priceCents']);
    expect(errors.find((error) => error.field === 'menu.1.priceCents')?.message).toBe(`must be an integer number of cents from 0 to ${MAX_CENTS}`);
  });

  it('refuses a missing nested object and a non-array list', async () => {
    const errors = await fieldErrorsOf({ name: 'Ajanta', menu: 'none' });
    expect([...new Set(errors.map((error) => error.field))].sort()).toEqual(['address', 'menu']);
  });

  it('refuses a nested object of the wrong type', async () => {
    const errors = await fieldErrorsOf({ ...valid, address: 'Oakland' });
    expect([...new Set(errors.map((error) => error.field))]).toEqual(['address']);
  });

  it('refuses list elements that are not objects, by index', async () => {
    const errors = await fieldErrorsOf({ ...valid, menu: [valid.menu[0], 7] });
    expect(errors).toContainEqual({ field: 'menu.1', message: expect.stringContaining('must be either object or array') });
    expect(errors.every((error) => error.field.startsWith('menu'))).toBe(true);
  });

  it('enforces list size bounds', async () => {
    expect((await fieldErrorsOf({ ...valid, menu: [] })).map((error) => error.field)).toEqual(['menu']);
    expect((await fieldErrorsOf({ ...valid, menu: Array(4).fill(valid.menu[0]) })).map((error) => error.field)).toEqual(['menu']);
  });

  it.each([null, undefined, 'text', 42, [valid]])('refuses a body that is not an object (%p)', async (body) => {
    expect(await fieldErrorsOf(body)).toEqual([{ field: 'body', message: expect.stringContaining('JSON object') }]);
  });

  it.each([-1, 1.5, MAX_CENTS + 1, Number.NaN, '100'])('refuses %p as cents', async (priceCents) => {
    const errors = await fieldErrorsOf({ ...valid, menu: [{ name: 'Curry', priceCents }] });
    expect(errors.map((error) => error.field)).toEqual(['menu.0.priceCents']);
  });

  it.each([0, MAX_CENTS])('accepts %p as cents', async (priceCents) => {
    await expect(createValidationPipe().transform({ ...valid, menu: [{ name: 'Curry', priceCents }] }, asBody)).resolves.toBeInstanceOf(CreateRestaurantDto);
  });
});
