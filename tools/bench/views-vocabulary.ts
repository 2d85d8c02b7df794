/**
 * Words the views benchmark builds its restaurants, menus, people and searches from, and a seeded
 * random source, so that every run measures the same data and the same queries.
 */

/** mulberry32: small, fast and good enough to spread rows; the seed makes runs repeatable. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` different items (all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, count);
  }
}

const PLACES = [
  'Ajanta', 'Bella', 'Casa', 'Golden', 'Little', 'Royal', 'Blue', 'Green', 'Old Town', 'Happy', 'Lucky', 'Sunny', 'Spice',
  'Urban', 'Village', 'Bombay', 'Napoli', 'Tokyo', 'Saigon', 'Lisbon', 'Athens', 'Istanbul', 'Havana', 'Oaxaca', 'Sichuan',
  'Punjab', 'Bengal', 'Seoul', 'Bangkok', 'Marrakech', 'Beirut', 'Kyoto', 'Roma', 'Paris', 'Dublin', 'Berlin', 'Lima',
  'Hanoi', 'Madras', 'Sapporo',
];
const KINDS = [
  'Kitchen', 'Bistro', 'Grill', 'Curry House', 'Pizzeria', 'Trattoria', 'Noodle Bar', 'Sushi', 'Diner', 'Cafe', 'Canteen',
  'Taqueria', 'Tandoori', 'Wok', 'Burgers', 'Deli', 'Bakery', 'Steakhouse', 'Ramen', 'Dumpling House', 'Taverna',
  'Brasserie', 'Smokehouse', 'Falafel', 'Kebab', 'Pho', 'Tapas', 'Creperie', 'Fish Bar', 'Vegan Kitchen',
];
const OWNERS = ['Mario', 'Priya', 'Chen', 'Yuki', 'Ahmed', 'Sofia', 'Lars', 'Amara', 'Diego', 'Olga', 'Kofi', 'Hana'];

export const DISHES = [
  'Margherita', 'Pepperoni', 'Quattro Formaggi', 'Chicken Tikka Masala', 'Lamb Vindaloo', 'Palak Paneer', 'Butter Chicken',
  'Pad Thai', 'Green Curry', 'Tom Yum', 'Pho Bo', 'Banh Mi', 'Tonkotsu Ramen', 'Miso Soup', 'Salmon Nigiri', 'California Roll',
  'Gyoza', 'Bibimbap', 'Kimchi Stew', 'Bulgogi', 'Burrito', 'Tacos al Pastor', 'Quesadilla', 'Nachos', 'Guacamole',
  'Falafel Wrap', 'Hummus', 'Shawarma', 'Tabbouleh', 'Moussaka', 'Souvlaki', 'Greek Salad', 'Spanakopita', 'Paella',
  'Patatas Bravas', 'Gazpacho', 'Croque Monsieur', 'Ratatouille', 'Coq au Vin', 'Crepe Suzette', 'Fish and Chips',
  'Shepherd Pie', 'Caesar Salad', 'Cheeseburger', 'Veggie Burger', 'Club Sandwich', 'Mac and Cheese', 'Buffalo Wings',
  'Ribeye Steak', 'Pulled Pork', 'Carbonara', 'Lasagne', 'Mushroom Risotto', 'Gnocchi', 'Tiramisu', 'Panna Cotta',
  'Cannoli', 'Dim Sum', 'Kung Pao Chicken', 'Mapo Tofu', 'Peking Duck', 'Spring Rolls', 'Fried Rice', 'Chow Mein',
  'Dan Dan Noodles', 'Chicken Biryani', 'Samosa', 'Garlic Naan', 'Dal Makhani', 'Rogan Josh', 'Korma', 'Jalfrezi', 'Laksa',
  'Nasi Goreng', 'Satay', 'Beef Rendang', 'Jollof Rice', 'Lamb Tagine', 'Couscous', 'Borscht', 'Pierogi', 'Goulash',
  'Schnitzel', 'Bratwurst', 'Pretzel', 'Apple Strudel', 'Poke Bowl', 'Acai Bowl', 'Pancakes', 'Waffles', 'Cheesecake',
  'Brownie', 'Lemonade', 'Espresso', 'Cappuccino', 'Matcha Latte', 'Mango Lassi', 'Bubble Tea',
];

export const FIRST_NAMES = ['Ada', 'Ben', 'Chloe', 'Dev', 'Emma', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jon', 'Kira', 'Liam', 'Mei', 'Nia', 'Omar', 'Pia'];
export const LAST_NAMES = ['Ng', 'Okafor', 'Silva', 'Novak', 'Kumar', 'Smith', 'Rossi', 'Tanaka', 'Haddad', 'Berg', 'Moreau', 'Costa'];

/** "Bombay Curry House", sometimes with the owner's name: names repeat, as chains and namesakes do. */
export function restaurantName(random: Random): string {
  const name = `${random.pick(PLACES)} ${random.pick(KINDS)}`;
  return random.next() < 0.3 ? `${random.pick(OWNERS)}'s ${name}` : name;
}

/**
 * What a user types into a search box: the start (3 letters or more) of a dish or restaurant word,
 * and now and then a second word ("piz marg").
 */
export function typedPrefix(random: Random): string {
  const word = () => {
    const words = random.pick([...DISHES, ...PLACES, ...KINDS]).split(' ');
    const chosen = random.pick(words.filter((w) => w.length >= 3).length ? words.filter((w) => w.length >= 3) : words);
    return chosen.slice(0, random.int(3, Math.max(3, chosen.length))).toLowerCase();
  };
  return random.next() < 0.25 ? `${word()} ${word()}` : word();
}

/** A keyword a consumer searches their own history with: the start of a dish word. */
export function typedDishPrefix(random: Random): string {
  const words = random.pick(DISHES).split(' ').filter((w) => w.length >= 3);
  const chosen = random.pick(words);
  return chosen.slice(0, random.int(3, chosen.length)).toLowerCase();
}
