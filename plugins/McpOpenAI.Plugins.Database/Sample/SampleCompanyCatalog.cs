namespace McpOpenAI.Plugins.Database.Sample;

/// <summary>The fixed facts of the sample company: regions, places, names, product lines.</summary>
internal static class SampleCompanyCatalog
{
    public sealed record Region(int Id, string Name, double SalesTarget, double CustomerWeight, string[] Carriers, (string Country, string City, string Dial)[] Places);

    public sealed record Category(int Id, string Name, string Description, double MinPrice, double MaxPrice, string[] Products);

    public static readonly Region[] Regions =
    [
        new(1, "North America East", 2_400_000, 30, ["UPS", "FedEx", "USPS"],
            [("United States", "New York", "1"), ("United States", "Boston", "1"), ("United States", "Philadelphia", "1"), ("United States", "Atlanta", "1"),
             ("United States", "Washington", "1"), ("Canada", "Toronto", "1"), ("Canada", "Montreal", "1")]),
        new(2, "North America West", 2_200_000, 28, ["UPS", "FedEx", "USPS"],
            [("United States", "Seattle", "1"), ("United States", "Portland", "1"), ("United States", "Denver", "1"), ("United States", "San Francisco", "1"),
             ("United States", "Salt Lake City", "1"), ("United States", "Los Angeles", "1"), ("Canada", "Vancouver", "1"), ("Canada", "Calgary", "1")]),
        new(3, "Europe North", 1_300_000, 15, ["DHL", "PostNord", "Royal Mail"],
            [("United Kingdom", "London", "44"), ("United Kingdom", "Edinburgh", "44"), ("Germany", "Munich", "49"), ("Germany", "Hamburg", "49"),
             ("Netherlands", "Amsterdam", "31"), ("Sweden", "Stockholm", "46"), ("Norway", "Oslo", "47"), ("Denmark", "Copenhagen", "45")]),
        new(4, "Europe South", 900_000, 10, ["DHL", "GLS"],
            [("France", "Lyon", "33"), ("France", "Grenoble", "33"), ("Spain", "Barcelona", "34"), ("Italy", "Milan", "39"),
             ("Italy", "Turin", "39"), ("Portugal", "Lisbon", "351"), ("Switzerland", "Zurich", "41")]),
        new(5, "Asia Pacific", 800_000, 10, ["DHL", "Australia Post"],
            [("Australia", "Sydney", "61"), ("Australia", "Melbourne", "61"), ("New Zealand", "Auckland", "64"), ("New Zealand", "Queenstown", "64"),
             ("Japan", "Tokyo", "81"), ("Singapore", "Singapore", "65")]),
        new(6, "Latin America", 450_000, 7, ["DHL", "FedEx"],
            [("Mexico", "Mexico City", "52"), ("Mexico", "Guadalajara", "52"), ("Brazil", "São Paulo", "55"), ("Chile", "Santiago", "56"),
             ("Argentina", "Bariloche", "54"), ("Colombia", "Bogotá", "57")]),
    ];

    public static readonly Category[] Categories =
    [
        new(1, "Tents & Shelters", "Tents, tarps, bivies and footprints.", 39, 649,
            ["Trailhead 2P Tent", "Trailhead 3P Tent", "Ridgeline Ultralight 1P Tent", "Basecamp 6P Family Tent", "Storm Bivy",
             "Canopy Tarp 3x3", "Summit 4-Season Tent", "Hammock Tent Pro", "Footprint 2P", "Vestibule Extension"]),
        new(2, "Sleeping Bags & Pads", "Sleeping bags, quilts, pads and pillows.", 19, 449,
            ["Down Mummy Bag -7°C", "Synthetic Bag +5°C", "Kids Sleeping Bag", "Ultralight Quilt", "Self-Inflating Pad",
             "Insulated Air Pad", "Foam Sleeping Pad", "Silk Bag Liner", "Camp Pillow", "Double Air Mattress"]),
        new(3, "Backpacks", "Daypacks, trekking and expedition packs.", 24, 379,
            ["Daypack 22L", "Daypack 28L", "Trekking Pack 45L", "Trekking Pack 60L", "Expedition Pack 80L",
             "Hydration Pack 12L", "Kids Pack 15L", "Travel Pack 40L", "Hip Pack 5L", "Pack Rain Cover"]),
        new(4, "Footwear", "Boots, shoes, socks and gaiters.", 14, 419,
            ["Trail Runner", "Waterproof Hiking Boot", "Light Hiking Shoe", "Mountaineering Boot", "Camp Sandal",
             "Approach Shoe", "Winter Boot", "Trail Gaiters", "Merino Hiking Socks 3-Pack", "Performance Insoles"]),
        new(5, "Apparel", "Jackets, layers, pants and accessories to wear.", 17, 479,
            ["Rain Jacket", "Down Jacket", "Fleece Midlayer", "Softshell Pants", "Merino Base Layer Top", "Merino Base Layer Bottom",
             "Sun Hoody", "Convertible Hiking Pants", "Beanie", "Waterproof Gloves", "Trucker Cap", "Windbreaker"]),
        new(6, "Camp Kitchen", "Stoves, cookware, water treatment and coolers.", 5, 319,
            ["Canister Stove", "Multi-Fuel Stove", "Titanium Pot 750ml", "Cookset 2-Person", "Insulated Mug", "Squeeze Water Filter",
             "Gravity Water Filter 6L", "Collapsible Bowl Set", "Titanium Spork", "Fuel Canister 230g", "Cooler 45L", "Camp Table"]),
        new(7, "Lighting & Power", "Headlamps, lanterns, solar and batteries.", 12, 259,
            ["Headlamp 400lm", "Rechargeable Headlamp 900lm", "Camp Lantern", "Solar Panel 21W", "Power Bank 20000mAh",
             "String Lights", "Emergency Flashlight", "Spare Battery Pack"]),
        new(8, "Navigation & Electronics", "GPS, satellite messengers, compasses and radios.", 9, 549,
            ["Handheld GPS", "Satellite Messenger", "Baseplate Compass", "Altimeter Watch", "Trail Map Bundle",
             "Weather Radio", "Two-Way Radio Pair"]),
        new(9, "Climbing", "Harnesses, ropes, protection and ice gear.", 8, 349,
            ["Climbing Harness", "Climbing Helmet", "Dynamic Rope 60m", "Quickdraw Set (6)", "Belay Device", "Locking Carabiner",
             "Chalk Bag", "Climbing Shoes", "Crash Pad", "Ice Axe", "Crampons"]),
        new(10, "Accessories", "Poles, dry bags, first aid and small essentials.", 5, 199,
            ["Trekking Poles (Pair)", "Dry Bag 20L", "First Aid Kit", "Bear Canister", "Insect Repellent", "Sunscreen SPF50",
             "Camp Chair", "Microfiber Towel", "Gear Repair Kit", "Stuff Sack Set", "Bandana", "Multi-Tool"]),
    ];

    public static readonly string[] FirstNames =
    [
        "Olivia", "Liam", "Emma", "Noah", "Ava", "Oliver", "Sophia", "Elijah", "Isabella", "Lucas", "Mia", "Mateo", "Amelia", "Ethan",
        "Harper", "Aiden", "Chloe", "Jonas", "Ingrid", "Lars", "Freya", "Matteo", "Giulia", "Léa", "Hugo", "Sofía", "Diego", "Camila",
        "Yuki", "Haruto", "Aroha", "Nikau", "Priya", "Arjun", "Mei", "Wei", "Zara", "Omar", "Fatima", "Kwame",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis", "Martinez", "Lopez", "Wilson", "Anderson", "Taylor",
        "Thomas", "Moore", "Martin", "Lee", "Clark", "Walker", "Young", "King", "Müller", "Schmidt", "Jensen", "Larsen", "Rossi",
        "Bianchi", "Dubois", "Moreau", "Fernández", "Silva", "Santos", "Tanaka", "Sato", "Ngata", "Patel", "Chen", "Wang", "Okafor",
        "Haddad", "Novak",
    ];

    public static readonly string[] CompanyPrefixes =
    [
        "Summit", "Ridgeway", "Cedar", "Alpine", "Blue River", "Granite", "Pinecrest", "Northstar", "Trailhead", "Evergreen",
        "Canyon", "Harbor", "Timberline", "Highland", "Lakeside", "Redwood", "Aurora", "Basecamp", "Falcon", "Glacier",
    ];

    public static readonly string[] CompanySuffixes =
    [
        "Outdoor Club", "Adventures", "Expeditions", "Mountain Guides", "Sports", "Summer Camps", "Scouts", "Gear Rentals",
        "Outfitters Co-op", "Schools", "Tours", "Lodge", "Hiking Society", "Rescue Team",
    ];

    public static readonly string[] LegalForms = ["", " Inc.", " Ltd.", " LLC", " & Co."];
}
