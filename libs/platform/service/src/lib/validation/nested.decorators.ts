import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsObject, ValidateNested, ValidationOptions } from 'class-validator';

type DtoClass = new (...args: never[]) => object;

/**
 * A required nested object validated as `type`. (@ValidateNested alone lets a missing or
 * non-object value through.) Combine with @IsOptional() for an optional one.
 */
export function NestedObject(type: () => DtoClass, options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(IsDefined(options), IsObject(options), ValidateNested(options), Type(type));
}

/** A required array of objects each validated as `type`, with optional size bounds. */
export function NestedArray(type: () => DtoClass, bounds: { min?: number; max?: number } = {}, options?: ValidationOptions): PropertyDecorator {
  const sizes = [
    ...(bounds.min !== undefined ? [ArrayMinSize(bounds.min, options)] : []),
    ...(bounds.max !== undefined ? [ArrayMaxSize(bounds.max, options)] : []),
  ];
  return applyDecorators(IsDefined(options), IsArray(options), ...sizes, IsObject({ ...options, each: true }), ValidateNested({ ...options, each: true }), Type(type));
}
