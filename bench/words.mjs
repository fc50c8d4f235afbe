// Word lists for the generated dictionaries and pages: UK-flavoured names, places and programme
// words for aliases, and plain English for filler prose. Data only; generators decide how to combine them.

export const FIRST_NAMES = `Adam Adrian Aisha Alan Alastair Alexander Alice Alison Amanda Amir Amy Andrew Angela Anita Anna
Anthony Anwar Arjun Barbara Barry Ben Bernard Beth Brian Bridget Bryony Callum Carl Carol Caroline
Catherine Charles Charlotte Chloe Chris Christine Claire Clive Colin Craig Daniel David Dawn Deborah
Declan Denise Derek Diane Dominic Donald Duncan Eamonn Edward Eileen Eleanor Elizabeth Emily Emma Eric
Esther Fiona Fraser Gareth Gavin Geoffrey Gemma Geraldine Gillian Gordon Graham Hamish Hannah Harriet
Heather Helen Hilary Hugh Iain Imran Irene Isobel Jacqueline Jamal James Janet Jasmine Jeremy Jessica
Joanna Jonathan Joseph Judith Julian Julie Karen Katherine Keith Kevin Kirsty Lakshmi Laura Lauren
Leanne Lindsay Lorraine Louise Lucy Malcolm Margaret Marion Martin Matthew Maureen Megan Melanie
Michelle Miriam Mohammed Moira Naomi Natalie Neil Nicholas Nicola Nigel Niamh Norman Owen Pamela
Patricia Paul Pauline Peter Philippa Priya Rachel Rajesh Rebecca Richard Robert Rosalind Ruth Ryan
Samantha Samuel Sandra Sanjay Sarah Shona Simon Siobhan Sophie Stephen Stuart Susan Tamsin Teresa
Thomas Timothy Tracey Trevor Valerie Vanessa Victoria Vikram Vivienne Wendy Yasmin Yvonne Zara Zoe`.split(/\s+/);

export const LAST_NAMES = `Abbott Adeyemi Ahmed Ainsworth Akhtar Allardyce Armitage Ashworth Atherton Bagshaw Bainbridge Balfour
Barraclough Beaumont Bhatt Blackwood Bramwell Brearley Brennan Brockbank Buckley Calderwood Carmichael
Cartwright Chadwick Chaudhry Cheung Chowdhury Clayton Cockburn Colquhoun Cosgrove Crabtree Cunliffe
Dalrymple Dewhurst Donnelly Drummond Duckworth Dunmore Eastwood Ellwood Entwistle Fairbairn Farquhar
Featherstone Fenwick Fitzgerald Fothergill Gallacher Garside Gillespie Goodwin Greenhalgh Grimshaw
Hadfield Haldane Halliwell Hargreaves Hartley Haworth Hepworth Heseltine Higginbottom Holroyd Horsfall
Houghton Hussain Illingworth Iqbal Jagger Jamieson Kavanagh Kershaw Kilpatrick Lakin Latimer Lindqvist
Lockwood Lomax MacAllister Macdonald Mackenzie Maclean Marsden McAllister McCracken McGuinness Mehta
Merriweather Micklethwaite Mistry Moorcroft Mukherjee Nairn Nettleton Nwosu Oakenshaw Okafor Ormerod
Osei Pemberton Pickering Pilkington Postlethwaite Prendergast Pritchard Quinlan Radcliffe Rafferty
Ramsbottom Rawlinson Redfearn Ridley Rushworth Sandhu Sanderson Scarisbrick Shackleton Sharples
Sheridan Siddiqui Singleton Skelton Southworth Stansfield Sutcliffe Swarbrick Tattersall Thistlethwaite
Thornber Threlfall Tomlinson Townsend Trevelyan Tunstall Uttley Varghese Wadsworth Wainwright
Walmsley Warburton Whiteley Whittaker Wilkinson Winstanley Woodcock Worthington Yardley Yeadon`.split(/\s+/);

export const PLACES = `Aberdeen Allerdale Amber Arun Ashfield Ashford Babergh Barnsley Basildon Bassetlaw Bedford Bexley
Birmingham Blaby Blackburn Blackpool Bolsover Bolton Boston Bournemouth Bracknell Bradford Braintree
Breckland Brent Brentwood Bridgend Brighton Bristol Broadland Bromley Bromsgrove Broxbourne Broxtowe
Burnley Bury Calderdale Cambridge Camden Cannock Canterbury Cardiff Carlisle Ceredigion Charnwood
Chelmsford Cheltenham Cherwell Cheshire Chesterfield Chichester Chorley Colchester Conwy Copeland
Cornwall Cotswold Coventry Craven Crawley Croydon Dacorum Darlington Dartford Denbighshire Derby
Doncaster Dorset Dover Dudley Dundee Durham Ealing Eastbourne Eastleigh Eden Edinburgh Elmbridge Enfield
Epping Epsom Erewash Exeter Falkirk Fareham Fenland Fife Flintshire Folkestone Fylde Gateshead Gedling
Glasgow Gloucester Gosport Gravesham Greenwich Guildford Gwynedd Hackney Halton Hambleton Hammersmith
Harborough Haringey Harlow Harrogate Harrow Hartlepool Hastings Havant Havering Hertsmere Hillingdon
Hinckley Horsham Hounslow Huntingdonshire Hyndburn Inverclyde Ipswich Islington Kensington Kettering
Kirklees Knowsley Lambeth Lancaster Leeds Leicester Lewes Lewisham Lichfield Lincoln Liverpool Luton
Maidstone Maldon Malvern Manchester Mansfield Medway Melton Mendip Merton Midlothian Milton Monmouthshire
Moray Newark Newcastle Newham Newport Northampton Norwich Nottingham Nuneaton Oadby Oldham Oxford
Pembrokeshire Pendle Perth Peterborough Plymouth Portsmouth Powys Preston Reading Redbridge Redditch
Reigate Renfrewshire Ribble Richmond Rochdale Rochford Rossendale Rother Rotherham Rugby Runnymede
Rushcliffe Rushmoor Rutland Ryedale Salford Sandwell Scarborough Sedgemoor Sefton Selby Sevenoaks
Sheffield Shropshire Slough Solihull Southampton Southend Southwark Spelthorne Stafford Stevenage
Stirling Stockport Stockton Stroud Sunderland Surrey Sutton Swale Swansea Swindon Tameside Tamworth
Tandridge Taunton Teignbridge Telford Tendring Tewkesbury Thanet Thurrock Tonbridge Torbay Torfaen
Trafford Tunbridge Uttlesford Wakefield Walsall Waltham Wandsworth Warrington Warwick Watford Waverley
Wealden Wellingborough Westminster Weymouth Wigan Wiltshire Winchester Windsor Wirral Woking Wokingham
Wolverhampton Worcester Worthing Wrexham Wychavon Wyre York`.split(/\s+/);

export const COUNCIL_TYPES = ['Borough Council', 'County Council', 'City Council', 'District Council',
  'Metropolitan Borough Council', 'Town Council', 'Council'];
export const PUBLIC_BODY_TYPES = ['Fire and Rescue Service', 'Integrated Care Board', 'Combined Authority',
  'Local Enterprise Partnership', 'Community Health Trust', 'Housing Partnership', 'Digital Partnership', 'Library Service'];

export const PROGRAMME_ADJECTIVES = `Accessible Adaptive Agile Assisted Better Common Connected Digital Future Green
Inclusive Integrated Joined Local Modern National Open Regional Resilient Safer Shared Smart Strategic
Sustainable Trusted Unified Universal Verified Northern Southern Coastal Rural Urban`.split(/\s+/);
export const PROGRAMME_TOPICS = `Benefits Broadband Care Cloud Connectivity Cyber Data Democracy Discovery Estates
Families Housing Identity Inclusion Infrastructure Innovation Learning Licensing Mapping Payments
Planning Procurement Records Registration Skills Standards Transport Waste Wellbeing Workforce
Accessibility Analytics Archives Casework Complaints Consultation Forms Notifications Permits Scheduling`.split(/\s+/);
export const PROGRAMME_TYPES = ['Programme', 'Fund', 'Strategy', 'Pathfinder', 'Accelerator', 'Challenge',
  'Framework', 'Standard', 'Platform', 'Pilot', 'Initiative', 'Compact', 'Taskforce', 'Review'];

export const PORTFOLIOS = `Local Government|Digital Services|Housing and Planning|Cyber Security|Public Data|Levelling Up|
Communities|the Cabinet Office|Science and Technology|Regional Growth|Local Resilience|Public Procurement`.split(/\|\s*/);

/** Common English for filler prose. Words that appear in any alias are removed before use. */
export const FILLER_WORDS = `about above across after again against almost along already also although always among amount
analysis answer approach area argument around arrive article aspect attention available average
balance basis beautiful because become before began behind believe below benefit better between
beyond board bought bright brought budget building business busy called camera capital careful carry
case cause central certain chance change chapter cheap choice clear close coffee collect colour
comfortable common company compare complete concern condition consider continue contract control
correct cost could country couple course cover create crowd current customer daily damage dark
decide decision deep degree demand depend describe design detail develop difference different
difficult dinner direction discover discussion distance doctor during early easy economy edge
effect effort either element else energy enough entire environment equal especially evening event
every evidence exactly example expect experience explain fact factor fairly family famous farmer
fast feature feeling field figure final finally finish firm flight floor follow food force foreign
forget form forward free friend front full garden general generally gentle glass goal ground group
grow guess habit half hand happen happy hard health hear heavy help high history hold hope hospital
hotel hour huge human idea image imagine important improve include increase indeed industry
information inside instead interest involve island issue item journey judge keep kitchen knowledge
language large later laugh lead learn least leave legal less letter level likely limit line list
listen little long look lose loud lower machine main maintain major manage manager market material
matter maybe meaning measure medical meeting member memory mention message method middle might
minute model moment money month morning mostly mountain move movement music narrow natural nature
near nearly necessary need network never news night normal notice number object obvious occur offer
office often open opinion order other outside page paper parent part particular party pass past path
pattern pay peace perhaps period person picture piece place plan plant player point policy
popular position possible power practice prepare present pressure pretty price private probably
problem process produce product project property protect prove provide purpose quality question
quick quiet quite rather reach read ready real reason receive recent record reduce region
relate remain remember report require research resource respond rest result return river road role
room rule safe sale same save scene school season second section security seem sell send sense
series serious set several shape share short show side sign similar simple simply since single
site situation size skill small social society soft solution sort sound source space speak
special specific spend staff stage stand start station stay step still stock story street strong
student study style subject success suddenly suggest summer support sure surface system table talk
task teacher team technology term test thank theory thing think though thought through throughout
today together tonight total toward town trade traditional training travel treat tree trial trip
true truth type understand unit until usually value various version view village visit voice wait
walk wall watch water weather week weight whatever whether while whole wide window winter within
without wonder worker world worry write wrong yard yesterday young`.split(/\s+/);

/** Short words that may appear in both prose and aliases: no alias is made of these alone. */
export const STOP_WORDS = new Set(['the', 'of', 'and', 'a', 'an', 'for', 'to', 'in', 'on', 'by', 'as', 'at', 'with', 'up', 'not']);
