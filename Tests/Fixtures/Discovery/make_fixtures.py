#!/usr/bin/env python3
"""Lay out the hand-written topic-discovery fixtures.

Every comment below was written by hand, one per line, together with the
rating/score it goes with and the planted topics it mentions. This script
only shuffles the comments (fixed seed), assigns ids and dates, and writes:

  gym.csv     id,date,rating,comment             (rating 1-5)
  dental.csv  id,visit_date,score,feedback       (score 0-10)
  topics.tsv  file<TAB>topic<TAB>comma-separated ids

Line format of the blocks: score|TOPICS|text
  TOPICS is '-' for none, else letters joined by '+'.
  An empty text after the last '|' is a blank comment.

Run from anywhere:  python3 make_fixtures.py
Output is deterministic; re-running overwrites the three files.
"""

import csv
import datetime as dt
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20260417

# --------------------------------------------------------------------------
# Gym member survey
#   L = locker room / changing rooms / showers
#   C = classes / instructors
#   P = crowded at peak hours
#   X = cancelling membership / contract / direct debit
# --------------------------------------------------------------------------
GYM_TOPICS = {
    "L": "locker_room",
    "C": "classes",
    "P": "crowded_peak_hours",
    "X": "cancel_membership",
}

GYM = r"""
1|L|Half the lockers in the mens changing room are broken and nobody has fixed them in weeks.
2|L|Showers were cold again this morning. Third time this month.
1|L|The locker room is filthy. Hair in the drains, wet towels on the floor, bins overflowing.
2|L|changing rooms need a proper clean, the floor is always soaking and smells of damp
1|L|Someone broke into my locker and took my wallet. The locks are cheap and half of them don't even close properly.
2|L|No hot water in the womens showers for the past week, reported it twice at reception and still nothing.
2|L|Love the gym floor but the locker room lets the whole place down. Mould on the shower ceiling, really?
1|L|lockers keep eating my pound coins and never give them back
2|L|The showers are either freezing or scalding, there's no in between. Please sort the temperature out.
1|L|Changing room was disgusting on Sunday evening, clearly hadn't been cleaned all day.
2|L|Only two of the six showers actually work. The rest are taped off with an out of order sign that's been there since January.
3|L|Gym itself is fine. Locker room could do with a refurb, the benches are falling apart and the hairdryers don't work.
1|L|Found a used plaster on the changing room floor. Gross. Who is cleaning this place?
2|L|lockers are too small to fit a gym bag and a coat, and the keypad ones reset themselves so you get locked out
1|L|Cold showers every single time I come in after 7pm. Not acceptable for what we pay.
2|L|The changing area smells like a drain. Ventilation must be broken.
2|L|Locker 114 has been broken since before christmas, and there are loads more like it
1|L|Shower drains are blocked so you end up standing in a puddle of other people's water. Vile.
2|L|The womens changing room has one working hairdryer and no mirrors that aren't cracked.
2|L|Please can someone fix the lockers, I've had to carry my phone and keys round the gym floor for a month
1|L|Showers luke warm at best, changing rooms grubby, toilets out of soap. Basic stuff.
2|L|changeing rooms are always a mess, towels everywhere and the floor is sticky
3|L|Decent equipment, but the shower pressure is pathetic, it's like standing under a dripping tap.
1|L|Black mould in the corner of the shower cubicles. This is a health hazard, not just a cosmetic issue.
2|L|Digital lockers keep malfunctioning. Staff had to break mine open with a screwdriver last week.
1|L|The locker rooms are an absolute disgrace. I shower at home now.
2|L|Wish the showers had a bit of privacy, and that the water was actually hot.
2|L|Lockers: broken. Showers: cold. Changing room: dirty. Sort it out please.
1|L|Stepped on broken glass in the changing rooms yesterday, no one had cleaned it up.
3|L|Overall fine but the lockers need replacing, half the doors dont shut.
2|L|The family changing rooms by the pool are never cleaned, there's always sand and hair everywhere.
1|L|Had to shower in freezing water after a long run. The boiler has been "being fixed" for three weeks.
2|L|Not enough lockers for the number of members, and the ones that exist are rusty and bent.
2|L|Changing room floors are slippy and dirty, somebody is going to fall and hurt themselves.
1|L|shower was cold, locker was broken, and the bin in the changing room hadn't been emptied. great start to the day
2|L|The sauna is nice but the showers next to it are always freezing and the tiles are cracked.
5|C|Spin class with Jade on Tuesday is the highlight of my week. She is brilliant.
5|C|The yoga classes are fantastic, really calming and the instructor explains every pose.
5|C|Instructors are great, so motivating. I've never stuck to a gym this long before.
4|C|Love the HIIT classes, tough but fun. Would like more of them on weekends.
5|C|Sunday morning pilates is amazing, Marco is such a good teacher.
5|C|Spin classes are the best in town, great music and the bikes are new.
4|C|Joined for the weights but ended up hooked on the group classes. Body pump is great.
5|C|the yoga instructor on thursdays is so patient with beginners like me
5|C|Best thing about this gym is the classes. Huge variety and you can book on the app easily.
4|C|Really enjoy the boxing class, the coach pushes you without being scary.
5|C|Zumba with Priya is so much fun, I laugh the whole way through.
5|C|Spinning on Friday evenings is brilliant, Tom's playlists are unreal.
4|C|Classes are well run and start on time. Instructors know their stuff.
5|C|I came for the gym but stayed for the yoga. Lovely teachers and a really welcoming vibe.
4|C|Great class timetable, something on almost every hour. The core class is a killer in a good way.
5|C|Leanne's circuits class is worth the membership fee on its own
5|C|The instructers are all really friendly and adapt exercises if you have an injury.
4|C|Spin class was great, good energy. Just wish the room had better air con.
5|C|Aqua aerobics is perfect for my knees and the instructor is lovely.
5|C|Yoga and pilates classes are excellent, I go four times a week now.
4|C|Group exercise classes are top notch. Kettlebell class especially.
5|C|My spin instructor remembers everyone's name, little things like that make a big difference.
5|C|The 6am bootcamp has changed my life honestly, great coach and a great group of people.
4|C|Good range of classes for older members too, the gentle stretch session is ideal for me.
5|C|Absolutely love the barre class, never thought I'd enjoy something like that.
5|C|Classes are brilliant. Steph and Ollie are the best instructors I've ever had.
4|C|Cycle studio classes are really good fun, the lighting and music make it feel like a party.
5|C|yin yoga on sunday evening = perfect end to the week
4|C|Enjoyed the new strength and conditioning class, well coached and properly structured.
5|C|Instructor led sessions are excellent value, and they're all included in the price too.
3|C|Classes are good, though I wish the pilates teacher would vary the routine a bit more.
5|C|Spin class instructor Dan is a legend, always goes the extra mile.
4|C|The dance fitness class is a great laugh and a proper workout.
5|C|Really impressed with the quality of the classes, every instructor I've had has been great.
5|C|Tried every class on the timetable now and there isn't a bad one. Power yoga is my favourite.
4|C|Love the spin sessions, the bikes have screens showing your power which keeps me motivated.
5|C|The instructor for the over 50s class is wonderful, really encouraging and kind.
4|C|Yoga classes are lovely, good for stress. Teachers clearly love what they do.
5|C|Booked onto a trial spin clas and signed up the same day, it was that good.
4|C|Great classes, great instructors. Legs wobbling after every Body Attack session.
5|C|Pilates reformer classes are worth every penny, the teacher corrects your form constantly.
2|P|Impossible to get on a squat rack after 5pm. Queue for everything.
3|P|Way too busy after work, you spend more time waiting than training.
2|P|Between 5 and 8 it's rammed. They keep signing up new members but there's no more space.
3|P|Good gym but it's packed at peak times, I've had to switch to early mornings.
2|P|Waited twenty minutes for a bench press on Monday night. Ridiculous.
3|P|too crowded in the evenings, cant move in the free weights area
2|P|People hog the machines at peak hours and there are never enough cable stations.
3|P|Great when it's quiet, but weekday evenings are a nightmare.
2|P|So overcrowded after 6 that I've given up trying to do my programme. Need more racks.
3|P|It's fine during the day but after work it's heaving, you queue for the treadmills.
2|P|Only two squat racks for a gym this size, and at peak hours there's a queue of people standing round them.
3|P|Busy busy busy. Monday and Tuesday evenings especially.
2|P|Couldn't find a single free dumbbell set last night, the place was packed wall to wall.
3|P|Peak hours are manic. Would be nice if they capped how many people can be in at once.
2|P|waiting for machines is really frustrating, the place is too busy from 5 til 8
3|P|Gets really crowded around lunchtime and after 5, hard to stick to a routine.
2|P|Too many members for the space. Every January it becomes unusable in the evenings and it never really calms down.
3|P|Nice gym but it's a scrum at 6pm. Sharing sets with strangers is not my idea of fun.
2|P|You have to wait for everything in the evenings — racks, benches, even the water fountain.
3|P|Peak time is way too busy, I now go at 9pm just to get a bench.
2|P|The cardio area is packed after work, every treadmill taken and a line of people waiting.
3|P|Crowded on weekends too, Saturday morning feels like a shopping centre.
2|P|Stop selling so many memberships! It's impossible to train after work.
3|P|would be 5 stars if it wasn't so crowded at peak hours
2|P|Deadlift platform is always taken between 5 and 7, people rest for ages between sets.
3|P|Evenings are just too busy. Get more equipment or limit numbers.
2|P|Busiest gym I've ever been a member of. You can't get near the leg press after work.
1|X|Tried to cancel my membership and was told I had to do it in person, in writing, with a month's notice. Ridiculous.
1|X|They kept taking money by direct debit two months after I cancelled. Still waiting for a refund.
1|X|Cancelling is a nightmare. Nobody answers the phone and the email address bounces.
1|X|Was told I was locked into a 12 month contract I never agreed to. Misleading sales staff.
1|X|Moved cities and they still wouldn't let me out of the contract without a fee. Avoid.
1|X|Had to cancel the direct debit with my bank in the end because the gym just ignored my cancellation.
1|X|The notice period is 60 days and nobody mentions that when you sign up.
1|X|cancelled my membership in march, still got charged in april and may. absolute joke
1|X|Trying to leave this gym is harder than getting out of a phone contract. Three emails, two visits, still not cancelled.
1|X|Freeze and cancellation policy is buried in the small print. I was charged a cancellation fee of £45.
1|X|Impossible to cancel online, you have to fill out a paper form at reception which they then "lose".
1|X|I was pregnant and asked to pause or end my membership, they refused and kept charging me.
1|X|Beware the minimum term. I was told it was rolling monthly, turns out it's a year.
1|X|Still being billed after I handed in my cancellation form. Staff say it's head office, head office says it's the club.
1|X|Want to quit but they insist on a full month's notice plus the next payment. Feels like a trap.
1|X|Took me six weeks to cancel. Terrible customer service.
1|X|They renewed my annual contract automatically without telling me and now won't refund it.
1|X|cant cancel membership through the app even though you can join through it in 2 minutes. funny that
1|X|Got a debt collector letter for a membership I cancelled properly with notice. Disgraceful.
1|X|Asked to downgrade/cancel after an injury, with a doctor's note, and they still made me pay out the notice period.
1|X|Do not sign up here unless you're happy to be stuck. Getting out of the contract is near impossible.
2|L+P|Evenings are packed, you wait for every machine, and then there's a queue for the three showers that actually work.
2|L+P|At peak times there aren't enough lockers to go round, and the changing room is so crowded you can barely get changed.
2|L+P|Too busy after 5pm and the locker room is a tip by then too.
1|L+P|Rammed after work, no free squat racks, and the showers run cold once everyone's used the hot water.
3|C+P|Instructors are great but the spin classes are always fully booked and the gym floor is heaving in the evenings.
4|C+P|Yoga class is lovely, which is lucky because the weights area is way too crowded at peak hours to use.
3|C+P|I go to the classes to avoid the gym floor after work, it's too busy to get on any machines. Classes themselves are great.
3|C+P|Body pump is fab, but good luck getting a bench or a bar at 6pm when it's heaving.
3|L+C|The spin class is brilliant but afterwards the showers are cold and the changing room is a mess.
4|L+C|Yoga teacher is fantastic. Only complaint is the lockers, mine wouldn't open after class.
2|L+C|Pilates instructor is lovely, but I'm not coming back until they fix the changing rooms. The mould is disgusting.
1|L+X|Wanted to cancel because the showers have been cold for two months. They said I still owe three months under the contract.
1|L+X|Lockers broken, changing room filthy, so I tried to cancel my membership. Apparently there's a 90 day notice period. Unbelievable.
2|C+X|Loved the yoga classes, but when I moved away the cancellation process was awful and they kept charging my direct debit.
1|C+X|Only joined for the Tuesday spin class, they axed it from the timetable, and now they won't let me cancel without paying out the contract.
5|-|great gym
3|-|ok
5|-|friendly staff
4|-|good value
5|-|Great gym, would recommend.
4|-|Good value for money.
5|-|Staff are always friendly and helpful.
3|-|It's alright. Does the job.
4|-|Clean, modern equipment and a nice atmosphere.
5|-|Love it here!
2|-|Music is far too loud on the gym floor.
4|-|Good range of free weights.
3|-|fine
5|-|Best gym I've trained at.
4|-|Nice staff, decent kit, fair price.
2|-|Car park is tiny and the barrier never works.
3|-|Average. Nothing special but nothing wrong either.
5|-|Reception team are lovely, always say hello.
4|-|Good gym, convenient location near my work.
1|-|Rude staff member at the front desk on Saturday.
4|-|Really like the new rowing machines.
5|-|10/10
3|-|Spray and wipes often run out on the gym floor.
4|-|Good atmosphere, everyone gets on with their own thing.
5|-|Excellent facilities.
2|-|Price went up again this year with no improvements.
4|-|pretty good overall
5|-|Brilliant gym, super friendly team.
3|-|Decent enough for the price.
4|-|The app is handy for checking opening times.
1|-|Terrible. Would not recommend.
5|-|Couldn't ask for more.
4|-|Good selection of dumbbells and plates.
3|-|Wifi doesn't work upstairs.
5|-|Amazing place, the team really care.
4|-|Opening hours are great, 24/7 suits my shifts.
2|-|Water fountains have been out of order for ages.
5|-|great atmosphere
4|-|Good gym. Friendly people.
3|-|Its ok, bit pricey
5|-|Personal trainer Sam helped me lose 10kg, can't thank him enough.
4|-|Plenty of parking and easy to get to.
5|-|Very welcoming for beginners.
2|-|Air con in the weights room never seems to work in summer.
4|-|Solid gym, no complaints.
3|-|meh
5|-|Love the new smoothie bar.
4|-|Good value, nice people.
2|-|Equipment is old and tired, half the cross trainers squeak.
5|-|Fantastic gym
3|-|Nothing to add.
4|-|Happy with it so far, been coming for three months.
5|-|Staff are brilliant, especially on the front desk.
2|-|Too expensive for what you get.
4|-|Nice tidy gym floor and plenty of room to stretch.
3|-|Good but could be better.
5|-|Cheerful staff and a great vibe.
4|-|Nice to have a sauna and steam room.
1|-|Parking fines from the retail park next door, nobody warned us about the time limit.
5|-|Absolutely love this place.
4|-|Very good. Tidy, well maintained equipment.
3|-|Its a gym. It's fine.
5|-|Keep up the good work!
4|-|The pool is lovely and warm.
2|-|Staff seem more interested in their phones than helping anyone.
4|-|Good gym for the money
5|-|Friendly, helpful team and good kit.
3|-|No strong opinions.
4|-|Great location and easy parking.
5|-|Really good gym, I recommend it to all my friends.
2|-|The app crashes every time I try to log in.
4|-|Lovely staff
3|-|okay i guess
5|-|Brilliant, thanks everyone.
4|-|Decent free weights section, good quality plates and bars.
1|-|Manager was dismissive when I raised a complaint about another member.
4|-|Enjoying it, nice friendly place.
5|-|Five stars, no complaints at all.
3|-|Mixed feelings, some days good, some days not.
4|-|good value for money and friendly
5|-|Very impressed with the refurbishment upstairs.
2|-|Café prices are a rip off.
4|-|Nice gym, good music.
3|-|Fine for the basics.
5|-|Best decision I made this year was joining.
4|-|Friendly staff, good equipment, good value.
3|-|ok
5|-|great gym
2|-|The stairs to the first floor need a lift for people with mobility issues.
4|-|Good, would recommend to friends.
5|-|
4|-|
3|-|
1|-|
5|-|
2|-|
4|-|
3|-|
5|-|
4|-|
"""

# --------------------------------------------------------------------------
# Dental patient survey (score 0-10, likelihood to recommend)
#   W = waiting room / waited past appointment time
#   H = hygienist / gentle cleaning
#   B = billing / insurance claim problems
# --------------------------------------------------------------------------
DENTAL_TOPICS = {
    "W": "waiting_room",
    "H": "hygienist_cleaning",
    "B": "billing_insurance",
}

DENTAL = r"""
2|W|Waited 45 minutes past my appointment time with no explanation.
3|W|Sat in the waiting room for over half an hour. If you're running late, please tell people.
1|W|My appointment was at 9:15 and I wasn't seen until 10. I had to leave work for this.
4|W|Dentist was fine but the wait was ridiculous, nearly an hour in reception.
0|W|Waited over an hour with a crying toddler. Nobody apologised.
3|W|Always running behind schedule. I bring a book now.
2|W|The waiting area is cramped and we waited 40 mins beyond the booked time.
5|W|Treatment was good, but I was kept waiting 25 minutes again. Happens every visit.
1|W|Arrived early, was seen 50 minutes late. What's the point of booking a time?
2|W|waiting room was packed and everyone was running late, I gave up and rebooked
3|W|Appointments never run on time here. Allow an extra hour.
4|W|Good dentist, terrible punctuality. Waited 35 minutes.
0|W|Kept waiting 70 minutes and then told the dentist had to leave, come back next week. Appalling.
2|W|They double book appointments, which is why you always end up waiting past your slot.
3|W|Reception said "just a few minutes" three times. It was 40 minutes.
1|W|The wait times are unacceptable. I've missed a meeting because of this practice.
5|W|Nice staff but the delays are getting worse. Sat in the waiting room for 30 minutes today.
2|W|Had to wait ages past my appointment, the waiting room chairs are uncomfortable and the magazines are from 2019.
4|W|Wasn't seen till 20 minutes after my appointment. Not the end of the world but it adds up.
1|W|Why book at 8am to beat the queue when you still wait until 8:45?
3|W|Long waits every time, otherwise ok.
2|W|Been waiting in reception for 55 minutes as I write this.
0|W|Over an hour late seeing me, with a broken tooth and in pain. Disgraceful.
3|W|Running late is one thing, but no one tells you how long it'll be.
4|W|my appt was 2:30, got called in at 3:10. again.
2|W|Waited so long my parking ran out and I got a ticket.
1|W|Waiting room was freezing and I was left sat there 40 minutes past my time.
3|W|Dentist was kind but running way behind. Please stop overbooking.
5|W|Seen half an hour late, though the dentist did apologise.
10|H|The hygienist was so gentle, I've always dreaded cleanings but this was painless.
10|H|Best scale and polish I've ever had. Hygienist explained everything.
9|H|Hygienist Emma is lovely and really gentle with my sensitive gums.
10|H|My teeth have never felt so clean. The hygienist was thorough but careful.
9|H|Very gentle cleaning, she kept checking if I was ok.
10|H|Nervous patient here - the hygienist was incredibly patient and gentle. Thank you!
10|H|Hygenist was brilliant, gave me great tips on flossing without lecturing me.
9|H|Cleaning was quick, gentle and thorough.
10|H|Fantastic hygiene appointment. No pain at all, even with my receding gums.
10|H|The hygienist made my 8 year old feel totally at ease during her clean.
9|H|Really gentle scale and polish, didn't make my gums bleed like my old dentist did.
10|H|Sarah the hygienist is amazing. I actually look forward to my cleans now.
9|H|The airflow cleaning is great, way more comfortable than scraping.
10|H|Hygienist was gentle and explained what she was doing at every step.
10|H|So gentle! I barely felt the cleaning.
9|H|Excellent hygienist, thorough clean and she showed me how to brush properly.
10|H|I have a strong gag reflex and the hygienist was very understanding, took breaks when I needed.
9|H|Clean and polish was very gentle, my teeth look whiter already.
10|H|The hygienist is the reason I keep coming back. Kind, careful and never rushes.
9|H|very thorough cleaning, hygienist was gentle with the sensitive spots
10|H|Had a deep clean for gum disease, the hygienist used plenty of numbing gel and it didn't hurt.
10|H|Really gentle hands, best hygiene visit I've had in years.
9|H|The hygienist took her time and was very reassuring.
10|H|Lovely hygienist, super gentle, and teeth feel amazing.
9|H|My cleaning was painless and the hygienist chatted away to keep me calm.
2|B|Was charged for a treatment my insurance should have covered. Still trying to sort it out.
1|B|Billing department never returns calls. Three months and my claim still isn't submitted.
3|B|Got a bill for £180 I wasn't expecting. Nobody told me the cost beforehand.
0|B|They sent my insurance claim with the wrong code and now I've been billed the full amount.
4|B|Care was good but the invoice was confusing and had items I didn't have done.
2|B|Insurance claim rejected because the practice didn't send the x-rays. Had to chase them myself.
1|B|Charged twice for the same check up. Took weeks to get a refund.
5|B|Fine treatment, but please explain the fees up front. The bill was a shock.
3|B|The practice said they'd bill my insurer directly, then sent the bill to me instead.
0|B|Sent to collections over a bill I already paid. Completely incompetent admin.
2|B|Quote for my crown was £450, final invoice was £620. No explanation.
4|B|Dentist good, billing bad. My claim form was lost twice.
1|B|They don't accept my dental plan anymore and didn't tell me until after treatment.
3|B|Still haven't received a receipt for my insurance company despite asking four times.
6|B|Nice people but the payment system is a mess, got charged a late fee by mistake.
2|B|insurance pre-authorisation wasn't done so my filling wasn't covered. should have been told
1|B|Billing errors every single visit. I now check every line of the statement.
4|B|Had to phone my insurer and the practice about six times to get a simple claim paid.
3|B|Hidden charges. The "free" consultation ended up on my bill.
5|B|Treatment was fine but the invoice arrived 5 months later with a different price.
1|W+B|Waited 40 minutes past my appointment and then they overcharged me at the desk. Won't be back.
2|W+B|Long wait in reception, then a 20 minute argument about whether my insurance covered the checkup.
0|W+B|An hour late seeing me and then they billed me a missed-appointment fee because the system thought I hadn't shown up.
6|W+H|Hygienist was lovely and very gentle, but I waited nearly 40 minutes to be seen.
7|W+H|Great clean, gentle as ever. The wait was the only downside, called in half an hour late.
5|W+H|Sat in the waiting room for 50 minutes past my time. The hygienist made up for it, she's so gentle.
7|H+B|The hygienist is fantastic and so gentle, but the practice charged me for the cleaning even though it's covered by my insurance.
6|H+B|Gentle, thorough cleaning. Billing is another matter - they still haven't submitted my claim.
10|-|Great dentist, very friendly.
9|-|Lovely practice
8|-|Good experience overall.
7|-|ok
10|-|Dr Patel is fantastic, explained my options clearly.
8|-|Friendly reception staff.
5|-|Fine.
9|-|Very professional team.
10|-|Best dentist I've ever had.
3|-|The dentist seemed rushed and didn't listen to my concerns.
8|-|Modern surgery, nice and bright.
9|-|My filling was painless, really happy.
6|-|Average
10|-|Brilliant with my kids, they actually enjoy coming.
7|-|Good, no complaints.
2|-|Hard to get an appointment, next available was three weeks out.
9|-|Easy online booking and reminder texts are helpful.
8|-|Nice staff, good care.
10|-|Thank you for fixing my chipped tooth so quickly.
4|-|Parking is a nightmare around the practice.
9|-|Professional and friendly
7|-|Decent dentist.
10|-|Excellent emergency service, saw me the same day.
8|-|Good dentist, explains things well.
5|-|Nothing special.
10|-|Dr Okafor is wonderful with anxious patients like me.
9|-|Really happy with my new crown, looks natural.
3|-|Receptionist was quite rude on the phone.
8|-|Good location, easy to get to by bus.
10|-|Would definitely recommend to family and friends.
6|-|It was fine, just a normal check up.
9|-|Root canal was much less scary than I expected, the dentist was very calm.
7|-|Pleasant enough.
1|-|Dentist was abrupt and made me feel stupid for asking questions.
10|-|10/10 would recommend
8|-|Nice relaxing music and comfy chair.
9|-|The whitening results are great.
4|-|Surgery is up two flights of stairs with no lift, hard for my mum.
10|-|Always a pleasant visit.
7|-|good
8|-|The new dentist is excellent.
9|-|Reminder texts are really useful.
2|-|They cancelled my appointment at short notice twice.
10|-|Brilliant practice, can't fault it.
6|-|Okay experience, nothing to write home about.
9|-|Kind and caring team.
10|-|Superb, thank you all.
8|-|Good service.
5|-|meh
9|-|Dentist put me at ease straight away.
10|-|Fantastic implant work, life changing.
7|-|Fine, would go again.
3|-|Felt a bit pressured into cosmetic work I didn't want.
8|-|Lovely friendly receptionists.
10|-|The team went above and beyond for my elderly father.
6|-|The x-ray machine looked old but everything went fine.
9|-|Really good dentist.
0|-|Worst extraction of my life, still in pain a week later and no follow up call.
8|-|Clear explanations and no hard sell.
10|-|Amazing!
7|-|Satisfactory.
9|-|Great with my braces adjustments, orthodontist is lovely.
4|-|Phone line is always engaged.
10|-|Excellent care from start to finish.
8|-|Good dentists and a nice atmosphere.
9|-|Felt well looked after.
5|-|ok i suppose
10|-|Highly recommend Dr Lewis.
8|-|Nice practice, modern equipment.
6|-|Alright.
9|-|Quick and efficient check up, very friendly dentist.
10|-|Couldn't be happier.
8|-|
10|-|
3|-|
7|-|
9|-|
5|-|
"""

# Sanity-check vocabulary (NOT used to assign topics; topics are hand-tagged
# above). A comment that hits one of these without carrying the tag is
# reported so accidental leakage between planted topics gets noticed.
GYM_CHECK = {
    "L": r"locker|shower|chang(e)?ing",
    "C": r"\bclass|instruct|\bspin|yoga|pilates",
    "P": r"\bbusy|crowd|packed|rammed|queue|peak",
    "X": r"cancel|contract|notice period|direct debit",
}
DENTAL_CHECK = {
    "W": r"\bwait|\blate\b|running behind",
    "H": r"hygien|hygen|\bclean|gentle|polish",
    "B": r"\bbill|insur|claim|invoice|charg",
}


def parse(block, topic_letters, lo, hi):
    rows = []
    for n, line in enumerate(block.strip("\n").split("\n"), 1):
        score, tags, text = line.split("|", 2)
        score = int(score)
        assert lo <= score <= hi, (n, line)
        tags = [] if tags == "-" else tags.split("+")
        for t in tags:
            assert t in topic_letters, (n, line)
        rows.append((score, tags, text))
    return rows


def check(rows, vocab, name):
    ok = True
    seen = {}
    for score, tags, text in rows:
        words = len(text.split())
        if tags and not 5 <= words <= 60:
            print(f"{name}: topic comment has {words} words: {text!r}")
            ok = False
        if words > 60:
            print(f"{name}: comment too long: {text!r}")
            ok = False
        for letter, pat in vocab.items():
            if re.search(pat, text, re.I) and letter not in tags:
                print(f"{name}: '{letter}' vocabulary in untagged comment: {text!r}")
        if tags and text in seen:
            print(f"{name}: duplicate topic comment: {text!r}")
            ok = False
        seen[text] = True
    return ok


def spread_dates(rng, n, start, end):
    span = (end - start).days
    days = sorted(rng.randint(0, span) for _ in range(n))
    return [(start + dt.timedelta(days=d)).isoformat() for d in days]


def build(rows, header, topic_names, start, end, rng):
    rng.shuffle(rows)
    dates = spread_dates(rng, len(rows), start, end)
    out = [header]
    ids_by_topic = {letter: [] for letter in topic_names}
    for i, ((score, tags, text), date) in enumerate(zip(rows, dates), 1):
        rid = str(i)
        out.append([rid, date, str(score), text])
        for t in tags:
            ids_by_topic[t].append(rid)
    return out, ids_by_topic


def write_csv(path, table):
    with open(path, "w", newline="", encoding="utf-8") as f:
        # RFC 4180 quoting (fields with comma / quote / newline are quoted,
        # embedded quotes doubled); LF line endings like the other fixtures.
        csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(table)


def main():
    rng = random.Random(SEED)

    gym = parse(GYM, GYM_TOPICS, 1, 5)
    dental = parse(DENTAL, DENTAL_TOPICS, 0, 10)
    assert len(gym) == 240, len(gym)
    assert len(dental) == 160, len(dental)
    ok = check(gym, GYM_CHECK, "gym") & check(dental, DENTAL_CHECK, "dental")

    gym_table, gym_ids = build(
        gym, ["id", "date", "rating", "comment"], GYM_TOPICS,
        dt.date(2026, 1, 5), dt.date(2026, 6, 28), rng)
    dental_table, dental_ids = build(
        dental, ["id", "visit_date", "score", "feedback"], DENTAL_TOPICS,
        dt.date(2026, 1, 12), dt.date(2026, 7, 31), rng)

    write_csv(os.path.join(HERE, "gym.csv"), gym_table)
    write_csv(os.path.join(HERE, "dental.csv"), dental_table)

    with open(os.path.join(HERE, "topics.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for fname, names, ids in (("gym.csv", GYM_TOPICS, gym_ids),
                                  ("dental.csv", DENTAL_TOPICS, dental_ids)):
            for letter, topic in names.items():
                f.write(f"{fname}\t{topic}\t{','.join(ids[letter])}\n")
                print(f"{fname:11} {topic:20} {len(ids[letter])}")

    for fname, rows in (("gym.csv", gym), ("dental.csv", dental)):
        blank = sum(1 for r in rows if not r[2])
        untagged = sum(1 for r in rows if not r[1] and r[2])
        multi = sum(1 for r in rows if len(r[1]) > 1)
        print(f"{fname:11} rows={len(rows)} generic={untagged} blank={blank} two-topic={multi}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
