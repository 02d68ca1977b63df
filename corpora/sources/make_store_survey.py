#!/usr/bin/env python3
"""Lay out corpora/store_survey.csv, Mindscope's shipped sample survey export.

Written for the Mindscope project. Every comment below was written by hand, one at a
time, for this sample (a post-purchase survey of a fictional online home-and-garden /
homeware store, Aug-Oct 2026). This script only lays them out: it gives each comment a
row, a date, a region, a plan, a channel, a rating consistent with its tone and an order
value, deterministically (fixed seed), so that the story planted in the comments lands in
the right segments:

  1. delivery complaints (late, stuck in transit, tracking not updating after a courier
     change) are rare in August and September and common in October;
  2. EU customers complain about shipping cost and import duties / customs fees;
  3. orders over $250 (furniture, large items) complain about damage / poor packaging
     for big items, and about return pickups;
  4. a handful praise recyclable packaging, a few call out plastic and greenwashing.

Comment lines may start with tags in brackets that pin a row attribute the text implies:
  S / M / H            order value band ($8-60, $40-250, $250-900)
  US CA UK EU nonEU    region
  Plus Std             plan
  App Web              channel
  Aug Sep Oct AugSep   month
  r1..r5               rating (otherwise drawn from the pool's tone)

Run:  python3 corpora/sources/make_store_survey.py   (writes corpora/store_survey.csv)
"""

import csv
import datetime as dt
import os
import random

SEED = 2026
ROWS = 450
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "store_survey.csv")

# ---------------------------------------------------------------------------------------
# The comments, grouped by what they are about. (pool id, tone, default tags, lines)
# tone: complaint -> rating 1-2, mixed -> 3, praise -> 4-5.
# ---------------------------------------------------------------------------------------

POOLS = []


def pool(pid, tone, tags, text):
    lines = [ln.strip() for ln in text.strip("\n").splitlines() if ln.strip()]
    POOLS.append((pid, tone, tags, lines))


# 1. October: the courier change. Late parcels, stuck in transit, tracking that never moves.
pool("delivery_oct", "complaint", ["Oct"], """
Order shows "in transit" for 9 days now. Tracking hasn't updated since it left the warehouse. What happened?
Since you switched couriers everything is late. Two orders this month, both about a week behind.
[r1] Tracking number doesn't work on the new courier's website. Just says "label created". Useless.
still waiting on my planters. ordered on the 2nd. nobody can tell me where they are
[UK,r1] The new delivery company is a joke. Marked as delivered, it wasn't. Found it at a neighbour's three days later.
Package stuck at a depot for over a week. Customer service just told me to be patient.
[US] Who is ParcelLink?? Never heard of them and now my order is lost somewhere between Ohio and here.
Used to get my stuff in 3 days. This time it took 12. Not sure what changed but its bad.
Tracking stuck on "out for delivery" since Tuesday.
[r1] Late. Again.
The courier left a card saying they attempted delivery. I was home all day and nobody knocked.
[M] Rug arrived 10 days after the estimated date, and only after I chased it three times.
[UK] Your new carrier is awful, my parcel went to the wrong city first and then just sat there.
[US] Ordered a gift for my mom's birthday with plenty of time and it still didn't arrive on time. Really disappointed.
[Plus] I pay for Plus to get fast shipping and my order has been in transit for 11 days. What am I paying for?
[r1] Tracking page says delivered. It wasn't. Support says to open a claim with the courier... why is that my job?
2 weeks in transit for a set of curtain rods. cmon
[S] Delivery was supposed to be Friday, came the following Thursday. The plants were half dead by then.
[UK] Parcel has been "awaiting collection from sender" for 8 days. The sender is you!
Honestly the products are fine but delivery lately is terrible, everything is late.
No updates on tracking for a week, and the chat agent couldn't see anything either.
[r1] Delayed with no explanation. I cancelled and bought it locally.
My order was split into 3 shipments and only one has arrived. The other two are stuck in transit, no movement at all.
[EU] Delivery to France took 15 days and the tracking stopped updating somewhere in Belgium.
[r1] Took a day off work for the delivery and it never came. No one called, no email, and tracking still says "out for delivery" two days later. I've ordered from you for years and this is the first time I'm seriously thinking about going elsewhere.
three emails, two chats, still no idea where my lamp is
[EU] My order to Amsterdam has said "in transit" since the 3rd. The new courier's tracking page is only in Dutch and shows nothing anyway.
[CA] Tracking shows my parcel went from Toronto back to the US warehouse?? Nobody can explain it.
[H,r1] Dining table stuck at the freight depot for two weeks. Every time I call I get a different date.
[H] Sofa delivery was pushed back three times by the new freight company. Still not here.
""")

pool("delivery_oct_mixed", "mixed", ["Oct"], """
Lovely cushions, but they took almost three weeks to get here. Tracking was pretty much useless.
Product is great. The new courier is not. Took 9 days.
Finally arrived after a week of "in transit". Quality is good, but I nearly cancelled.
Nice set of bowls. Delivery was late though and the tracking never updated once.
It got here eventually. Not the speedy service I'm used to from you guys.
[H] The mirror is beautiful! Delivery was a mess, rescheduled twice by the courier.
""")

# 2. August/September: the ordinary background rate of delivery gripes.
pool("delivery_early", "complaint", ["AugSep"], """
Took over a week to arrive, the website said 3-5 days.
Package arrived 4 days late. Not a huge deal but it would have been nice to be told.
[r1] Delivery was late and nobody let me know.
The parcel was left out in the rain on my porch. Box was soaked, luckily the towels inside were ok.
My order was delayed because one item was backordered, would of been nice to know that before I paid.
[r1] Shipping took forever.
[S] Arrived late, missed the party I bought the lanterns for.
Tracking said Wednesday, arrived Saturday.
[CA] Slow delivery to Vancouver, 9 business days.
Ordered express and it still took 5 days.
""")

pool("delivery_early_mixed", "mixed", ["AugSep"], """
Good quality sheets but delivery took longer than promised.
Everything fine except it came a few days after the estimated date.
ok product, slowish delivery
Nice candles. The driver threw the box over the gate, which wasn't great.
""")

# 3. EU: shipping cost, import duties, customs and VAT at the door.
pool("eu_costs", "complaint", ["EU"], """
Had to pay €27 in import duties when the parcel arrived. Nowhere at checkout did it say this would happen.
[r1,S] Shipping to Ireland costs almost as much as the vase. Ridiculous.
The customs fee was more than 20% of my order. Please show duties at checkout, or ship from an EU warehouse!
DHL asked me for €19.50 customs + handling fee before they would hand over the box. Not OK.
Shipping cost to Germany went up again. €24 for a small parcel, seriously?
I love your stuff but I can't justify the shipping fees to France anymore.
[r1] Surprise customs charges. Never ordering from outside the EU again.
"Free shipping over $75" doesn't apply to the EU apparently. Found out at the very last step of checkout.
[S] Paid shipping, then paid duties, then paid a "clearance fee". The candle ended up costing double.
Import VAT collected at the door, even though I thought it was included in the price. Very misleading.
[S] shipping to netherlands too expensive, 30 euro for two cushions
The item is nice but with shipping and customs it's just not worth it for us in Spain.
[Plus] Why is Plus free shipping not available in the EU? I pay the same membership fee as everyone else.
[r1] Customs held my order for a week and then charged me €31. No warning from your side at all.
Expensive shipping, plus duties on top. Wish you had an EU store.
Please be upfront about duties for EU customers. I refused the package because of the fees and I've now been waiting three weeks for a refund. I would happily pay a bit more at checkout if it meant no surprises at the door.
[r1] €45 delivery charge for a lamp. No.
Shipping costs to Italy are absurd compared to the product price.
The driver wanted cash for import fees at the door. Felt like a scam honestly.
Customs fees, again. Second time this year. Is there really no way to pay them at checkout?
[S] Austria: shipping €22, duties €14, on a €60 order. I'll stop ordering.
Shipping price to Sweden is way too high for what are mostly small items.
I was charged import duty on a replacement item! So I basically paid twice for the same rug.
Hidden costs for EU buyers. The shipping fee is high and then customs on top.
Your site says "duties may apply". They always apply. Just add them to the price please.
[H] Ordered an armchair, the shipping quote to Germany was €140 plus duties. Paid it, but wow. Never again.
""")

pool("eu_costs_mixed", "mixed", ["EU"], """
Beautiful throw blanket. Shipping to Belgium was pricey though, and I had to pay a customs fee too.
Good quality, arrived fast enough, but the €18 import charge took the shine off.
The planters are great. Shipping costs to Poland, not so great.
Would order more often if shipping to Europe was cheaper.
Items fine. Be aware of customs fees if you order from the EU.
Nice stuff, but after duties it's about the same price as my local shop.
Product 5 stars, shipping cost 1 star.
Decent order. Import duties were a surprise, support explained them politely at least.
""")

# 4. Shipping cost elsewhere: the ordinary background rate.
pool("ship_cost_other", "complaint", ["nonEU", "Std"], """
[US,S] $14.99 shipping on a $20 order? Pass.
[S] Shipping costs are too high, I ended up adding junk to my cart just to reach free shipping.
[CA] A $18 brokerage fee showed up after delivery. That should be included in the price.
[UK] Delivery charge went up from £3.95 to £6.95 without any notice.
[US] The free shipping threshold keeps going up. It used to be $50, now it's $75.
[US] Shipping to Alaska costs more than the item. I know it's far but come on.
[S] Shipping fee is a rip off for small items.
[CA] Why does shipping to Canada cost $25? Other stores do it for free.
Shipping is expensive for Standard members. Feels like you're pushing Plus pretty hard.
[US] Handling fee of $4.95 on top of shipping. What exactly is being handled?
[UK,S] Paid £8 delivery for one tea towel because it was out of stock in the bundle. Silly.
""")

pool("ship_cost_other_mixed", "mixed", ["nonEU", "Std"], """
Good products but the shipping costs make me think twice.
[UK] Fine order, shipping cost is a bit steep for the UK.
[US] Would be 5 stars if shipping wasn't $12.
The delivery fee is what stops me ordering more. Otherwise great.
Love the shop, shipping cost is the only downside.
""")

# 5. Orders over $250: big items damaged, packed poorly, and return pickups that don't happen.
pool("big_damage", "complaint", ["H"], """
[r1] Dining table arrived with a cracked leg. The box had one thin layer of cardboard and no corner protection whatsoever, for a 40 kg solid wood table. For $700 I expected a lot better. Now I'm waiting on a replacement with guests coming next weekend.
The sideboard came with a huge dent in the top. Packaging was basically shrink wrap and hope.
[r1] Sofa arrived with a torn armrest. Box was ripped open on one side, zero padding.
Bookshelf was damaged, two shelves split. Clearly it was dropped, and the packaging did nothing to protect it.
[r1] Second mirror in a row delivered broken. Please, please pack big items properly.
Ordered a king bed frame. One of the side rails was snapped in half. Now waiting on a replacement.
[r1] Glass top of the coffee table was shattered. No foam, just a few sheets of paper around it.
Outdoor dining set: three chairs fine, the fourth had a bent leg and scratches all over.
Gorgeous cabinet, except for the deep scratch across the door. How was this packed??
The headboard was cracked at the corner. Cardboard was crushed like something heavy had been stacked on it.
Wardrobe panels chipped in four places. Instructions were fine, the packaging wasn't.
[r1] Patio heater arrived dented and the glass tube was broken. $480 and nobody answers my emails.
The desk had water damage, the cardboard was soaked through. No wrap, no protection at all.
Marble side table: chipped edge, flimsy box, no padding. Expensive piece, cheap packing.
Accent chair showed up with a ripped seat. The box looked like it had been through a war.
My new armchair had a broken leg straight out of the box. Support did send a new leg, but it took a month.
""")

pool("big_damage_mixed", "mixed", ["H"], """
Love the sofa now that it's here. It did arrive with a small tear on the back which I'm living with.
Good solid table. Minor dent on one corner, packaging could've been better for something this heavy.
The cabinet is beautiful but one door was scratched. Kept it with a partial refund.
Grill works great, the lid was a little dented on arrival.
Big mirror, nice frame, small chip in the corner. The packing was pretty minimal for glass this size.
""")

pool("big_pickup", "complaint", ["H"], """
[r1] Requested a return for a broken bed frame. Pickup was scheduled 3 times and nobody showed up.
The return pickup for my sofa is a nightmare. They give an 8 hour window and twice now no one came.
To return a 60 kg table I had to book the pickup myself through a third party. Why is this on me?
Pickup for the return was supposed to be Monday. It's Thursday. The cracked dresser is still in my hallway.
No refund yet because the freight company claims the return was never collected. It was, I have a photo.
[r3] Return process for large items is clunky, you have to call to book a pickup and there's no online option. Otherwise good service.
""")

pool("big_praise", "praise", ["H"], """
The oak dining table is stunning. Solid, heavy, exactly like the photos. Two guys delivered it and even took the packaging away. We've had it a month now, it doesn't mark easily and the finish still looks new. Already recommended you to my sister.
[r5] Best sofa I've owned. Comfy, and the fabric feels really high quality. Worth every penny.
Bought a full patio set. Arrived well packed, everything intact, easy to assemble.
Really impressed with the bed frame, sturdy and no squeaks.
[r4] Pricey, but the sideboard is real wood and it shows.
Our new rug is gorgeous, thick and soft. The kids love it.
White glove delivery was worth it. They set up the wardrobe in our bedroom in 20 minutes.
[r5] Big order for the new house, everything arrived in one go and nothing was damaged. Amazing.
[UK] Sectional is perfect. Took me a while to choose the colour but support sent fabric samples for free.
Excellent quality outdoor furniture, survived the first storm without a scratch.
Desk is solid, great cable management, very happy.
Great mattress, slept like a baby the first night.
[r5] The armchair is even nicer in person. 10/10.
Love love love the new bookcase
Kitchen island cart is really well built, heavy duty wheels. Recommend.
Ordered the large mirror a bit nervously after reading reviews, but it came perfectly packed in a wooden crate. Great.
Quality furniture at a fair price. Will be back for the matching nightstands.
Smooth experience from ordering to delivery. The dining chairs are comfortable and look great.
The grill is a beast. Assembled it in an hour, cooked on it the same day.
Very good quality dresser. The drawers glide nicely.
[r5] Absolutely perfect.
Everything great, the sofa bed is surprisingly comfortable.
Bought the cedar raised garden beds (set of 4). Solid wood, well packed, veggies are thriving.
Happy with the purchase, the table looks expensive (because it was, lol) but it's worth it.
[r4] Outdoor sectional was a big spend but the cushions are thick and the frame feels like it will last years.
[r5] Our new bunk beds are rock solid and the kids think they're the best thing ever.
""")

pool("big_neutral", "mixed", ["H"], """
Sofa is fine. Slightly firmer than I expected.
Decent table, assembly took me 3 hours though and one screw was missing.
[UK] Nice chairs, the colour is a bit darker than the website photos.
Bed frame ok. Instructions could be clearer.
Good patio set for the price, the cushions feel a bit thin.
[r3] It's a desk. Does what it should.
""")

# 6. Damage on ordinary orders: the background rate.
pool("small_damage", "complaint", ["S"], """
Two of the four mugs arrived chipped.
Ceramic planter was cracked when I opened the box.
[r1] Wine glasses came broken, only one out of six survived. They were just rolled in paper.
The vase was smashed. Sad, because it was a gift.
Lamp shade dented, looks like someone sat on it.
Picture frame glass broken on arrival
Candle jar cracked and there was wax all over the inside of the box.
Terracotta pots: 2 broken out of 3. Lol.
Watering can had a dent. Not a big deal, but for something new?
Bird feeder arrived with a cracked roof.
Got a damaged box and a scratched cutting board inside it.
Glass storage jars, one of the lids was cracked.
[M] The ceramic table lamp base had a chip right on the front. Sent it back.
""")

pool("small_damage_mixed", "mixed", ["S"], """
Cute teapot, small chip on the lid. Keeping it anyway.
Nice lantern, slightly bent frame, still works.
Good towels. The soap dispenser in the same order was cracked though.
Solar lights work well, one of the stakes was snapped.
Dinner plates: one broken, one chipped. Customer service sent replacements quickly though.
""")

# 7. Eco and sustainability.
pool("eco_praise", "praise", [], """
Love that everything came in recyclable cardboard with paper tape. No plastic at all! I ordered six glasses and each one was wrapped in paper, and it all went straight into my recycling bin. This is how it should be done, other shops take note.
Packaging was 100% recyclable, even the filler was paper. Thank you for caring.
Finally a store that doesn't wrap every single item in plastic. Compostable mailer, nice touch.
The bamboo towels are amazing and the packaging was plastic-free. Will buy again.
[Web] Appreciate the option to group my order into one box to cut down on packaging.
[M] Glad to see FSC certified wood on the garden furniture. More of this please.
Recycled glass tumblers are gorgeous. Love the sustainability focus.
Minimal packaging, all paper, easy to recycle.
The reusable produce bags are great, and they came in a paper envelope.
Good to see you used mushroom-based packaging for the lamp. Threw it straight in my compost!
Eco packaging + quick delivery = happy customer
I chose the "ship in fewer boxes" option and it actually worked. Less cardboard waste, well done.
""")

pool("eco_complaint", "complaint", [], """
[S] One small soap dish came in a huge box stuffed with plastic air pillows. So much waste.
[r1] You advertise "eco friendly" but the product was wrapped in three layers of plastic. Greenwashing.
The "sustainable" bamboo cutting board is bamboo composite held together with glue. Feels like greenwashing to me.
[S] Every single coaster individually wrapped in plastic. Why??
Please stop using styrofoam. It's 2026.
""")

pool("eco_mixed", "mixed", [], """
Nice products, but the amount of plastic packaging is excessive for a store that talks so much about sustainability.
Like the recycled cotton throws, but the plastic bag they came in kind of defeats the point.
""")

# 8. Everyday complaints: support, price, quality, site/app, returns.
pool("support_complaint", "complaint", [], """
[r1] Waited 45 minutes on hold and then got disconnected.
Emailed support three times about a missing item. No reply.
Chat bot is useless, it kept sending me the FAQ link.
[r1] The agent was rude and basically said it was my fault the cushion covers shrank.
Customer service promised a call back that never happened.
Support closed my ticket without fixing anything.
Had a question about dimensions before buying, took 6 days to get an answer. Bought elsewhere.
I needed an invoice with my company details and had to ask four times.
[r1] Nobody answers the phone. Ever.
[M] Missing screws for the shelf. Support wants photos of the "missing screws". How do I photograph something that isn't there?
useless support, copy paste answers
An agent said a manager would email me. Nothing after 10 days.
""")

pool("price_complaint", "complaint", [], """
Prices went up a lot since spring. Same pillow is $10 more now.
[M] Overpriced for what it is. The throw is thin and cost $80.
Found the exact same planter for half the price somewhere else.
Discount code didn't apply at checkout and support basically said too bad.
Not worth the money. Cheap material, premium price.
Your "sale" prices are the same as the normal prices last month. Come on.
[S,r1] $40 for a doormat is crazy.
[Plus,r1] Plus membership price went up and I don't see any new benefits. Cancelling.
Price changed between adding to cart and checkout. Sketchy.
""")

pool("quality_complaint", "complaint", [], """
The sheets pilled after two washes.
Garden hose leaked from the connector on day one.
[UK] The colour on the duvet cover faded really fast. Disappointing.
Cushion covers shrank in the wash even on cold.
The "stainless" steel pots rusted after a month outside.
[r1] Cheap plastic feel. Nothing like the photos.
[r1] Solar lights stopped working after a week.
[M] Rug sheds like crazy, I'm vacuuming every day.
[M] Stool wobbles no matter how much I tighten it.
Towels are thin and scratchy. Returned them.
""")

pool("app_web_complaint", "complaint", [], """
[App,r1] App crashes every time I open my cart.
[Web,r1] Checkout kept failing with "payment error", but my card was charged twice.
[App] Can't log in to the app since the update.
[Web] Website search is terrible. Typing "lamp" shows me shower curtains.
[Web] The filters on the site don't work, sorting by price does nothing.
[App] App keeps logging me out. So annoying
[App,US] Tried to use Apple Pay in the app, it froze three times.
[Web] Site is so slow on my phone that I gave up and used my laptop.
[App] The promo code field vanished from the app checkout after the update.
""")

pool("returns_complaint", "complaint", [], """
Refund took almost a month to show up.
$9.95 for the return label. For a faulty item!
Still no refund for the vase I sent back 3 weeks ago.
The return process is confusing, I had to print stuff and I don't even own a printer.
[r1] You refunded me store credit instead of money. I never agreed to that.
Refused my return because the box was opened. How else would I know it's the wrong size? Your own website says 30 day returns, nothing about unopened boxes. I've sent two emails quoting your policy and got the same copy-paste reply both times.
[M] 30 day return window is too short for outdoor furniture you can only really try in spring.
Refund was partial with no explanation why.
The return portal gave an error so I had to email, then wait, then email again.
""")

# 9. Mixed and neutral.
pool("mixed_general", "mixed", [], """
It's ok.
[UK] Nice design, wish it came in more colours.
Product as described. Nothing special.
Good but a bit pricey.
The towels are soft but smaller than I expected.
Fine. Took a while to find what I wanted on the site.
Average experience overall.
Sheets are comfortable, colour slightly off from the photo.
[S] Candles smell nice but burn really fast.
Decent quality for the price.
3 stars, it does the job.
[App] The app is handy, the product selection could be bigger.
Planter looks nice, the drainage hole is too small.
Cushions are nice, a little flat.
Mixed feelings. The throw is lovely, soft and a great colour, but customer service took four days to answer a simple question about washing it, and the answer was basically 'see the label'. Fine product, slow help.
Good product. I had to call to change my address, which took longer than it should have.
First order, no complaints, no wow either.
Not bad, not great.
[M] Fits the shelf, the finish is a bit rough.
[M] Assembly was harder than the video made it look. End result is fine.
The doormat is good quality but the design has already faded a bit.
[S] Glass jars are nice. Lids are a bit stiff.
As expected
Ordered for my daughter, she says it's fine
okay-ish. would maybe buy again if on sale
Nice lamp, bulb not included which wasn't clear from the listing.
Garden gloves ok, sizing runs small.
[Plus] Plus is handy for the free shipping but I'm not sure I order enough to justify it.
""")

# 10. Praise.
pool("quality_praise", "praise", [], """
The linen sheets are incredibly soft and get better every wash.
Love my new planters! Exactly the size I needed for the balcony.
Great quality towels, thick and absorbent.
The cast iron pan is heavy and well made. Already seasoned it twice.
Cushions are plump and the covers zip off for washing. Perfect.
Really nice throw blanket, my cat has claimed it.
The garden kneeler saved my knees this summer lol
Beautiful ceramic bowls, each one slightly different. Love the handmade feel.
Solid hose reel, no kinks, easy to wind.
These glasses are gorgeous and surprisingly sturdy.
Bought the wicker baskets for the bathroom, they look way more expensive than they were.
Good quality pruning shears, sharp with a comfortable grip.
[S] Lovely candles, the fig one smells amazing.
[UK] The duvet is so cosy. Best sleep in months.
[r5] Exactly like the pictures. Very happy.
[M] Great curtains, they block the light completely. Finally sleeping past 6am.
[UK] Best doormat I've ever bought, and yes I realise how that sounds.
Quality is excellent, stitching is neat, no loose threads anywhere.
The knife block is beautiful and the knives came properly sharp.
Nice heavy flatware, feels great in the hand.
My raised garden bed is doing great, tomatoes everywhere.
The shower curtain is thick and doesn't cling. Small thing but I love it.
Super comfy bath mat, dries quickly.
Pillows are firm enough for side sleepers. Thank you!
The string lights make our patio look magical.
Very pleased with the storage boxes, sturdy and they stack well.
[UK,Oct] Love the colours of the table linen, very autumnal.
[M] Perfect little side table for the reading corner.
These mixing bowls are great, the non-slip bottoms actually work.
Wall clock is silent, as promised. No more ticking at night!
The lamp gives a really warm light, exactly the vibe I wanted.
[r4] good stuff
Bought a set of hanging baskets, the coir liners are thick and the chains are strong.
My mom loves the quilt I got her. Beautiful work.
[S] Coffee mugs are the perfect size and keep coffee hot for ages.
[UK] Salad spinner works brilliantly, much better than my old one.
Great bird bath, the birds approve.
The compost bin is well designed, easy to turn and no smell.
[M] Bedding set looks great and washes well, no fading so far.
[S] Tea towels that are actually absorbent, unlike most.
The outdoor cushions are water resistant as advertised. Survived a week of rain.
This is my third order of your napkins. Consistent quality every time.
The bread bin keeps bread fresh for days. Love it.
Stunning vase, gets compliments from everyone who visits.
Loving the ceramic plant pots, my monstera looks very happy.
Great value, great quality. The tablecloth fits perfectly.
Gardening gloves fit well and actually protect from thorns. The roses no longer win.
The laundry basket is sturdy and looks nice in the bedroom.
Really well made spice rack, easy to mount.
Dish rack is compact and drains properly. Great for a small kitchen.
I recieved the bath towels yesterday and they are definately the softest I've owned.
""")

pool("delivery_praise", "praise", ["AugSep"], """
Arrived in two days, well packed. Great service!
Fast delivery, even faster than the estimate.
Ordered Sunday night, it was on my doorstep Tuesday morning. Impressive.
Quick shipping and the tracking updates were spot on.
Delivery was super fast. Everything as described.
[r5,S] Came a day early!
[CA] Speedy delivery to Toronto, no issues.
The driver was friendly and carried the box upstairs for me.
Arrived next day, well done.
Always on time, always well packed. Keep it up.
Super quick dispatch, got the email with the tracking number within an hour.
[EU] Very fast delivery to Dublin, didn't expect that at all.
Delivery was smooth, came exactly in the time slot given.
[US] Got it in 3 days to rural Montana. Amazing.
[r5] Lightning fast shipping!!
Ordered for a birthday last minute and it arrived in time. Lifesaver.
""")

pool("delivery_praise_oct", "praise", ["Oct"], """
Quick delivery for me, no idea what others are on about.
Arrived on schedule. Good packaging too.
Came when promised. Product looks great.
""")

pool("support_praise", "praise", [], """
[r5] Customer service was amazing. A lamp was missing from my order and they sent it the next day, no questions asked.
Sarah on the chat was super helpful and sorted my address change in 2 minutes.
Support replied within an hour and fixed my order. Great!
Had an issue with a damaged plate, they refunded it right away without needing it back.
Friendly and helpful staff on the phone. Rare these days.
I emailed a question about fabric care and got a detailed reply the same day.
The rep was patient with me while I figured out which size I needed. Thanks!
[r5] Excellent customer service, they went above and beyond.
Quick response on live chat, problem solved.
They called me to confirm a change to my order before it shipped, which I appreciated.
Support team is lovely. Always polite and quick.
[UK] Wrong colour sent, support apologised and sent the right one with a return label. Easy.
[r5] Best customer service I've had from an online store.
Great help from Marco in the chat, thank you!
They honoured the sale price even though I ordered a day late. Very kind.
My order got mixed up and they fixed it fast, even gave me a discount code for the trouble.
[M] Helpful team, answered all my questions about the garden furniture.
Service was top notch.
Quick reply, friendly, solved. What more can you want
When the glass on my cabinet cracked after a month they sent a replacement panel for free. Impressed.
""")

pool("price_praise", "praise", [], """
Great prices, especially during the sale.
Good value for money. Cheaper than the big stores for the same quality.
Affordable and stylish. Happy.
Really good deal on the bedding bundle.
Price is fair for the quality you get.
Got 20% off with the welcome code, nice touch.
[S] Cheapest I found for these planters and they're great.
[r5] Worth every penny.
You can't beat these prices for kitchen stuff.
[SepOct] The end-of-season garden sale was excellent, stocked up for next year.
[US,M] Bought the bundle, saved about $30.
For the money, this is excellent.
Reasonable prices, nice range.
Love the price match. Saw it cheaper elsewhere and the chat agent matched it straight away.
Loyalty points actually add up to something here. Got a free candle!
""")

pool("packaging_praise", "praise", [], """
Very well packed, each glass wrapped individually.
Packaging was excellent, nothing moved inside the box.
Everything arrived intact. Clearly someone took care packing it.
Nicely presented, felt like opening a gift.
Packed so well it took me ten minutes to get it out, lol. No complaints though.
Arrived perfectly packed. The handwritten thank you note was sweet.
Good sturdy box, plates all fine.
Careful packing, thank you.
""")

pool("app_web_praise", "praise", [], """
[App] App is easy to use and checkout is quick.
[App] Love the room preview feature in the app, helped me pick the right rug size.
[Web] Website is clean and easy to navigate.
[App] Saved items and price drop alerts in the app are great. Got my lamp 15% cheaper.
[Web] Checkout with PayPal was smooth.
[Web] Easy to find what I needed with the filters.
[App] The reorder button in the app is handy for my usual candles.
[Web] Nice website, good photos and accurate dimensions.
[App,r5] New app update is so much faster.
Ordering was simple, took 2 minutes.
[Web] I like that the site shows real dimensions in cm and inches.
[App,AugSep] App notifications told me exactly when my order would arrive. Handy.
""")

pool("returns_praise", "praise", [], """
[M] Returned a rug that didn't fit, refund came within 3 days. Painless.
Easy returns, free label, dropped it off at the local shop.
Exchange was super easy, the new size came fast.
The return was processed quickly. Would buy again.
Loved how easy it was to return the duvet. No hassle at all.
[r5] Refund showed up before I'd even dropped the box off. Trust goes a long way.
Return process is clear and quick.
[M] Had to return the dining chairs, they arranged everything. Thanks.
Returns are easy and they refund to the original payment method.
[r5] No-questions-asked returns. That's why I keep coming back.
""")

pool("plus_praise", "praise", ["Plus", "nonEU"], """
Plus membership paid for itself in two orders. Free shipping on everything is great.
[r5] Free shipping with Plus is the main reason I shop here.
Signed up for Plus, already saved a bunch on delivery.
The free shipping on Plus plus the member discounts makes this my go-to store.
Plus members get early access to sales, got the outdoor lanterns before they sold out.
Love being a Plus member, no minimum order for free shipping.
[Std,US] Free shipping over $50 is generous.
Plus is worth it if you order as much as I do haha
""")

pool("general_praise", "praise", [], """
[r5] Love it!
Great store, great service.
Very happy with my order.
Will definitely order again 👍
[r5] Perfect, thanks!!
[r5] 5 stars
[r4] All good.
Wonderful experience from start to finish.
Awesome :)
Exactly what I wanted.
Thank you, love everything I ordered.
[UK] My new favourite home store.
""")

# ---------------------------------------------------------------------------------------
# Layout
# ---------------------------------------------------------------------------------------

MONTHS = {"Aug": (2026, 8, 3, 31), "Sep": (2026, 9, 1, 30), "Oct": (2026, 10, 1, 31)}
REGION_QUOTA = {"US": 165, "Canada": 65, "UK": 100, "EU": 120}
PLUS_ROWS = 155
APP_ROWS = 180
HIGH_VALUE_ROWS = 68  # about 15% of 450 over $250
REGION_TAG = {"US": "US", "CA": "Canada", "UK": "UK", "EU": "EU"}


def parse(line):
    tags = []
    if line.startswith("["):
        end = line.index("]")
        tags = [t.strip() for t in line[1:end].split(",")]
        line = line[end + 1:].strip()
    return tags, line


def build():
    rng = random.Random(SEED)
    items = []
    for pid, tone, ptags, lines in POOLS:
        for ln in lines:
            tags, text = parse(ln)
            items.append({"pool": pid, "tone": tone, "tags": ptags + tags, "text": text})
    n_blank = ROWS - len(items)
    assert 18 <= n_blank <= 26, (len(items), n_blank)
    blank_regions = [r for r, q in REGION_QUOTA.items() for _ in range(round(q * n_blank / ROWS))]
    blank_regions += ["US"] * (n_blank - len(blank_regions))
    for k in range(n_blank):
        tag = {"US": "US", "Canada": "CA", "UK": "UK", "EU": "EU"}[blank_regions[k]]
        items.append({"pool": "blank", "tone": "blank", "tags": [tag], "text": ""})

    def tag_set(item, names):
        return [t for t in item["tags"] if t in names]

    # month: 150 each; constrained items first
    month_left = {"Aug": 150, "Sep": 150, "Oct": 150}
    order = sorted(range(len(items)), key=lambda i: (0 if tag_set(items[i], {"Aug", "Sep", "Oct", "AugSep", "SepOct"}) else 1, rng.random()))
    for i in order:
        it = items[i]
        t = tag_set(it, {"Aug", "Sep", "Oct", "AugSep", "SepOct"})
        allowed = {"AugSep": ["Aug", "Sep"], "SepOct": ["Sep", "Oct"]}.get(t[-1], [t[-1]]) if t else ["Aug", "Sep", "Oct"]
        allowed = [m for m in allowed if month_left[m] > 0]
        m = max(allowed, key=lambda m: month_left[m] + rng.random())
        month_left[m] -= 1
        it["month"] = m

    # region: quotas; EU-only and nonEU items first
    region_left = dict(REGION_QUOTA)
    def region_allowed(it):
        t = tag_set(it, {"US", "CA", "UK", "EU"})
        if t:
            return [REGION_TAG[t[-1]]]
        if "nonEU" in it["tags"]:
            return ["US", "Canada", "UK"]
        return ["US", "Canada", "UK", "EU"]
    order = sorted(range(len(items)), key=lambda i: (len(region_allowed(items[i])), rng.random()))
    for i in order:
        it = items[i]
        allowed = [r for r in region_allowed(it) if region_left[r] > 0]
        weights = [region_left[r] for r in allowed]
        r = rng.choices(allowed, weights)[0]
        region_left[r] -= 1
        it["region"] = r

    # plan / channel: tagged first, then fill quotas at random
    def assign(key, yes, no, yes_tag, no_tag, quota):
        left = quota
        free = []
        for it in items:
            t = tag_set(it, {yes_tag, no_tag})  # the line's own tag overrides its pool's
            if t and t[-1] == yes_tag:
                it[key] = yes
                left -= 1
            elif t:
                it[key] = no
            else:
                free.append(it)
        rng.shuffle(free)
        for k, it in enumerate(free):
            it[key] = yes if k < left else no
    assign("plan", "Plus", "Standard", "Plus", "Std", PLUS_ROWS)
    assign("channel", "App", "Web", "App", "Web", APP_ROWS)

    # order value band: H only where the text says so (plus a few blank rows)
    n_h = sum(1 for it in items if "H" in it["tags"])
    blanks = [it for it in items if it["tone"] == "blank"]
    rng.shuffle(blanks)
    for k, it in enumerate(blanks):
        if k < HIGH_VALUE_ROWS - n_h:
            it["tags"].append("H")
    for it in items:
        band = tag_set(it, {"S", "M", "H"})
        band = band[-1] if band else ("S" if rng.random() < 0.55 else "M")
        lo, hi = {"S": (8, 60), "M": (40, 250), "H": (250, 900)}[band]
        v = lo * (hi / lo) ** rng.random()  # log-uniform inside the band
        cents = rng.choice([0.90, 0.99, 0.00, 0.50, 0.95, rng.randint(0, 99) / 100])
        v = int(v) + cents
        v = max(lo + 0.5, min(v, hi - 0.01)) if band != "H" else max(251.0, min(v, 899.0))
        it["value"] = round(v, 2)

    # rating from tone
    for it in items:
        r = tag_set(it, {"r1", "r2", "r3", "r4", "r5"})
        if r:
            it["rating"] = int(r[-1][1])
        elif it["tone"] == "complaint":
            it["rating"] = rng.choices([1, 2], [45, 55])[0]
        elif it["tone"] == "mixed":
            it["rating"] = 3
        elif it["tone"] == "praise":
            it["rating"] = rng.choices([4, 5], [40, 60])[0]
        else:
            it["rating"] = rng.choices([1, 2, 3, 4, 5], [8, 10, 17, 30, 35])[0]

    # dates inside the month, then sort and number
    for it in items:
        y, mo, d0, d1 = MONTHS[it["month"]]
        it["date"] = dt.date(y, mo, rng.randint(d0, d1))
        it["tiebreak"] = rng.random()
    items.sort(key=lambda it: (it["date"], it["tiebreak"]))
    for k, it in enumerate(items, 1):
        it["id"] = f"R{k:04d}"
    return items


def main():
    items = build()
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["response_id", "submitted_at", "region", "plan", "channel", "rating", "order_value", "comment"])
        for it in items:
            w.writerow([it["id"], it["date"].isoformat(), it["region"], it["plan"], it["channel"],
                        it["rating"], f"${it['value']:.2f}", it["text"]])
    print(f"wrote {os.path.normpath(OUT)}: {len(items)} rows")


if __name__ == "__main__":
    main()
