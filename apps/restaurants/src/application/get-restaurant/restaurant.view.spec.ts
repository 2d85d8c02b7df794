import { restaurantCreated, restaurantId } from '../../../test/restaurant.mothers';
import { RestaurantErrorCodes } from '../../domain/restaurant.errors';
import { toRestaurantView } from './restaurant.view';

describe('restaurant view', () => {
  it('shows a closed restaurant with its version', () => {
    const { data } = restaurantCreated();
    expect(toRestaurantView(restaurantId, { status: 'CLOSED', ...data }, 1)).toEqual({
      restaurantId,
      name: data.name,
      address: data.address,
      menu: data.menu,
      open: false,
      version: 1,
    });
  });

  it('shows an open restaurant as open', () => {
    expect(toRestaurantView(restaurantId, { status: 'OPEN', ...restaurantCreated().data }, 2)).toMatchObject({ open: true, version: 2 });
  });

  it('refuses an unknown restaurant as not found', () => {
    expect(() => toRestaurantView(restaurantId, { status: 'UNKNOWN' }, 0)).toThrow(
      expect.objectContaining({ code: RestaurantErrorCodes.NotFound }),
    );
  });
});
